package dev.servelab.engine.plugin;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.servelab.engine.spi.Setting;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/** Reflection over a plugin class: its nested {@code Settings} record, its components and constructors. */
final class SettingsIntrospector {
    private static final PropertyNamingStrategies.NamingBase SNAKE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    private SettingsIntrospector() {
    }

    @SuppressWarnings("unchecked")
    static Class<? extends Record> settingsType(Class<?> pluginType) {
        for (Class<?> nested : pluginType.getDeclaredClasses()) {
            if (nested.getSimpleName().equals("Settings") && nested.isRecord()) return (Class<? extends Record>) nested;
        }
        return null;
    }

    static List<SettingInfo> describe(Class<? extends Record> settingsType) {
        Record defaults;
        try {
            defaults = settingsType.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(settingsType.getName() + " needs a public no-argument constructor with the defaults", e);
        }
        List<SettingInfo> out = new ArrayList<>();
        for (RecordComponent rc : settingsType.getRecordComponents()) {
            Setting s = rc.getAnnotation(Setting.class);
            Object value;
            try {
                value = rc.getAccessor().invoke(defaults);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            out.add(new SettingInfo(SNAKE.translate(rc.getName()), rc.getType(), value,
                    s == null ? "" : s.summary(), s == null ? "" : s.unit(),
                    s == null ? Double.NEGATIVE_INFINITY : s.min(), s == null ? Double.POSITIVE_INFINITY : s.max()));
        }
        return out;
    }

    static Constructor<?> constructor(Class<?> type, Class<?>... params) {
        try {
            return type.getConstructor(params);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
