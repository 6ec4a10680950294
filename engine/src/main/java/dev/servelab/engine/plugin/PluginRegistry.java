package dev.servelab.engine.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.spi.Plugin;
import dev.servelab.engine.spi.PluginContext;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Every plugin on the class path, found with {@link ServiceLoader} — the built-ins exactly as a
 * third party's jar — plus, through {@link #load()}, every plugin jar in the plugin directories
 * ({@link PluginJars}). Plugins are described without being instantiated and created on demand, one
 * instance per pipeline node (per replica for replica-level policies).
 */
public final class PluginRegistry {
    private final Map<String, PluginDescriptor> byId = new TreeMap<>();
    private final List<String> warnings = new ArrayList<>();

    /** The plugins registered in {@code loader}'s {@code META-INF/services}; no plugin jars. */
    public PluginRegistry(ClassLoader loader) {
        for (PluginKind kind : PluginKind.values()) {
            for (ServiceLoader.Provider<?> p : providers(kind, loader)) {
                register(byId, kind, p.type());
            }
        }
    }

    /**
     * The plugins of {@code loader} and of each jar in {@code jars}. A jar that cannot be read or whose
     * plugins cannot be registered is skipped whole, with one line in {@link #warnings()} naming it.
     */
    public PluginRegistry(ClassLoader loader, List<Path> jars) {
        this(loader);
        for (Path jar : jars) addJar(jar, loader);
    }

    /**
     * The registry of the context class loader (or this class's loader) and of the plugin jars found
     * in {@link PluginJars#locations()}; each skipped jar is one warning line on standard error.
     */
    public static PluginRegistry load() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        PluginRegistry registry = new PluginRegistry(cl != null ? cl : PluginRegistry.class.getClassLoader(),
                PluginJars.jars(PluginJars.locations()));
        for (String w : registry.warnings) System.err.println("servelab: warning: " + w);
        return registry;
    }

    /** One line per plugin jar that was skipped, naming the jar and why. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    private void addJar(Path jar, ClassLoader parent) {
        URLClassLoader jarLoader;
        try {
            jarLoader = PluginJars.open(jar, parent);
        } catch (IOException e) {
            warnings.add("skipped plugin jar " + jar + ": not a readable jar (" + e.getMessage() + ")");
            return;
        }
        try {
            Map<String, PluginDescriptor> found = new TreeMap<>(byId);
            int added = 0;
            for (PluginKind kind : PluginKind.values()) {
                for (ServiceLoader.Provider<?> p : providers(kind, jarLoader)) {
                    if (p.type().getClassLoader() != jarLoader) continue;
                    register(found, kind, p.type());
                    added++;
                }
            }
            if (added == 0) warnings.add("plugin jar " + jar + " registers no plugin (no META-INF/services entry)");
            byId.putAll(found);
        } catch (ServeLabException | LinkageError e) {
            warnings.add("skipped plugin jar " + jar + ": " + e.getMessage());
            closeQuietly(jarLoader);
        }
    }

    private static void closeQuietly(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException ignored) {
            // nothing of it is in use
        }
    }

    private static List<? extends ServiceLoader.Provider<?>> providers(PluginKind kind, ClassLoader loader) {
        try {
            return ServiceLoader.load(kind.spi(), loader).stream().toList();
        } catch (ServiceConfigurationError e) {
            throw new ServeLabException("plugin discovery failed for " + kind.spi().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private static void register(Map<String, PluginDescriptor> byId, PluginKind kind, Class<?> type) {
        Plugin info = type.getAnnotation(Plugin.class);
        if (info == null) {
            throw new ServeLabException(type.getName() + " is listed as a " + kind.spi().getSimpleName()
                    + " service but has no @Plugin annotation");
        }
        if (!info.id().startsWith(kind.prefix() + ".")) {
            throw new ServeLabException(type.getName() + ": plugin id '" + info.id() + "' must start with '" + kind.prefix() + ".'");
        }
        PluginDescriptor previous = byId.get(info.id());
        if (previous != null && previous.type() != type) {
            throw new ServeLabException("plugin id '" + info.id() + "' is claimed by both " + previous.type().getName()
                    + " and " + type.getName());
        }
        Class<? extends Record> settings = SettingsIntrospector.settingsType(type);
        byId.put(info.id(), new PluginDescriptor(kind, info.id(), info.summary(), info.source(), type, settings,
                settings == null ? List.of() : SettingsIntrospector.describe(settings)));
    }

    public Collection<PluginDescriptor> all() {
        return byId.values();
    }

    public List<PluginDescriptor> ofKind(PluginKind kind) {
        List<PluginDescriptor> out = new ArrayList<>();
        for (PluginDescriptor d : byId.values()) if (d.kind() == kind) out.add(d);
        return out;
    }

    /** The descriptor for {@code id}, or an error naming the node and listing the known ids of that kind. */
    public PluginDescriptor require(PluginKind kind, String id, String nodePath) {
        PluginDescriptor d = find(kind, id);
        if (d == null) throw new ServeLabException(unknownId(kind, id, nodePath).message());
        return d;
    }

    private PluginDescriptor find(PluginKind kind, String id) {
        PluginDescriptor d = id == null ? null : byId.get(id);
        return d == null || d.kind() != kind ? null : d;
    }

    private SettingProblem unknownId(PluginKind kind, String id, String nodePath) {
        List<String> known = ofKind(kind).stream().map(PluginDescriptor::id).toList();
        return new SettingProblem(nodePath, "unknown " + kind.spi().getSimpleName() + " id '" + id
                + "' (known: " + String.join(", ", known) + ")");
    }

    /**
     * What {@link #create} would reject in a node, without creating anything: an unknown plugin id,
     * settings given to a plugin that takes none, or the {@link SettingsBinder#problems settings'
     * problems}; each worded as {@code create} words it. Empty when the node binds.
     */
    public List<SettingProblem> problems(PluginKind kind, String id, JsonNode settings, String nodePath) {
        PluginDescriptor d = find(kind, id);
        if (d == null) return List.of(unknownId(kind, id, nodePath + ".type"));
        if (d.settingsType() != null) return SettingsBinder.problems(d, settings, nodePath);
        return settings != null && settings.size() > 0 ? List.of(takesNoSettings(id, settings, nodePath)) : List.of();
    }

    private static SettingProblem takesNoSettings(String id, JsonNode settings, String nodePath) {
        return new SettingProblem(nodePath, id + " takes no settings (given: " + String.join(", ", SettingsBinder.names(settings)) + ")");
    }

    /** Creates a plugin instance with settings bound from {@code settings} (may be null for defaults). */
    public <T> T create(PluginKind kind, String id, JsonNode settings, PluginContext context) {
        PluginDescriptor d = require(kind, id, context.nodePath() + ".type");
        Record bound = d.settingsType() == null ? null : SettingsBinder.bind(d, settings, context.nodePath());
        if (d.settingsType() == null && settings != null && settings.size() > 0) {
            throw new ServeLabException(takesNoSettings(id, settings, context.nodePath()).message());
        }
        @SuppressWarnings("unchecked")
        T instance = (T) kind.spi().cast(instantiate(d, bound, context));
        return instance;
    }

    private static Object instantiate(PluginDescriptor d, Record settings, PluginContext context) {
        try {
            if (settings != null) {
                Constructor<?> c = SettingsIntrospector.constructor(d.type(), d.settingsType(), PluginContext.class);
                if (c != null) return c.newInstance(settings, context);
                c = SettingsIntrospector.constructor(d.type(), d.settingsType());
                if (c != null) return c.newInstance(settings);
            }
            Constructor<?> c = SettingsIntrospector.constructor(d.type(), PluginContext.class);
            if (c != null) return c.newInstance(context);
            return d.type().getConstructor().newInstance();
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ServeLabException se) throw se;
            throw new ServeLabException(context.nodePath() + ": " + d.id() + " rejected its settings: " + cause.getMessage(), cause);
        } catch (ReflectiveOperationException e) {
            throw new ServeLabException(d.type().getName() + ": cannot instantiate plugin " + d.id() + ": " + e, e);
        }
    }
}
