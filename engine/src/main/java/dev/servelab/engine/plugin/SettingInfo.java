package dev.servelab.engine.plugin;

/**
 * One setting of a plugin, as the property sheet and {@code servelab plugins --settings} show it.
 *
 * @param name         the snake_case key used in pipeline files
 * @param type         the Java type
 * @param defaultValue the default (from the settings record's no-argument constructor)
 */
public record SettingInfo(String name, Class<?> type, Object defaultValue, String summary, String unit,
                          double min, double max) {
}
