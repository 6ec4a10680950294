package dev.servelab.engine.plugin;

import dev.servelab.engine.spi.PluginContext;
import dev.servelab.engine.spi.Router;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A third party's router, compiled here against the engine's classes and jarred with its
 * {@code META-INF/services} file, is found in a plugin directory without touching the class path.
 */
class PluginJarsTest {
    private static final String ROUTER = """
            package thirdparty.route;

            import dev.servelab.engine.model.Request;
            import dev.servelab.engine.spi.ClusterView;
            import dev.servelab.engine.spi.Plugin;
            import dev.servelab.engine.spi.Router;

            @Plugin(id = "route.third-party-last", summary = "Always the last replica (compiled at test time)")
            public final class LastReplicaRouter implements Router {
                public record Settings(int offset) {
                    public Settings() {
                        this(1);
                    }
                }

                private final Settings settings;

                public LastReplicaRouter() {
                    this(new Settings());
                }

                public LastReplicaRouter(Settings settings) {
                    this.settings = settings;
                }

                @Override
                public int route(Request request, ClusterView cluster) {
                    return 100 - settings.offset();
                }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void aJarInThePluginDirectoryIsListedAndInstantiable() throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        buildRouterJar(plugins.resolve("last-router.jar"));
        PluginRegistry registry = new PluginRegistry(getClass().getClassLoader(), PluginJars.jars(List.of(plugins)));
        assertEquals(List.of(), registry.warnings());
        PluginDescriptor d = registry.require(PluginKind.ROUTER, "route.third-party-last", "router");
        assertEquals("Always the last replica (compiled at test time)", d.summary());
        assertTrue(d.type().getClassLoader() != getClass().getClassLoader(), "loaded from the jar, not the class path");
        assertEquals("offset", d.settings().getFirst().name());
        Router r = registry.create(PluginKind.ROUTER, "route.third-party-last", null, new PluginContext(1, "router", -1));
        assertEquals(99, r.route(null, null));
        assertTrue(registry.ofKind(PluginKind.ROUTER).stream().anyMatch(p -> p.id().equals("route.third-party-sticky")),
                "the class path's plugins are still there");
    }

    @Test
    void theDirectoryPropertyReplacesTheHomeDirectoryForLoad() throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("elsewhere"));
        buildRouterJar(plugins.resolve("r.jar"));
        String before = System.getProperty(PluginJars.DIR_PROPERTY);
        System.setProperty(PluginJars.DIR_PROPERTY, plugins.toString());
        try {
            assertEquals(plugins, PluginJars.locations().getFirst());
            PluginRegistry registry = PluginRegistry.load();
            assertTrue(registry.all().stream().anyMatch(p -> p.id().equals("route.third-party-last")));
        } finally {
            if (before == null) System.clearProperty(PluginJars.DIR_PROPERTY);
            else System.setProperty(PluginJars.DIR_PROPERTY, before);
        }
        assertFalse(PluginRegistry.load().all().stream().anyMatch(p -> p.id().equals("route.third-party-last")),
                "without the property the jar is not seen");
    }

    @Test
    void aBrokenJarIsOneWarningNamingItAndTheOthersStillLoad() throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("mixed"));
        Files.writeString(plugins.resolve("a-garbage.jar"), "this is not a zip file");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(plugins.resolve("b-missing-class.jar")))) {
            put(jar, "META-INF/services/dev.servelab.engine.spi.Router", "thirdparty.NoSuchRouter\n".getBytes(StandardCharsets.UTF_8));
        }
        buildRouterJar(plugins.resolve("c-good.jar"));
        PluginRegistry registry = new PluginRegistry(getClass().getClassLoader(), PluginJars.jars(List.of(plugins)));
        List<String> warnings = registry.warnings();
        assertEquals(2, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("skipped plugin jar " + plugins.resolve("a-garbage.jar") + ": not a readable jar"),
                warnings.get(0));
        assertTrue(warnings.get(1).startsWith("skipped plugin jar " + plugins.resolve("b-missing-class.jar") + ": "), warnings.get(1));
        assertTrue(warnings.get(1).contains("thirdparty.NoSuchRouter"), warnings.get(1));
        assertTrue(registry.all().stream().anyMatch(p -> p.id().equals("route.third-party-last")), "the good jar loads");
    }

    @Test
    void aMissingDirectoryIsNoPluginsAndNoWarning() {
        assertEquals(List.of(), PluginJars.jars(List.of(dir.resolve("absent"))));
    }

    /** Compiles {@link #ROUTER} against this test's class path and jars it with its service file. */
    private void buildRouterJar(Path jarFile) throws IOException {
        Path src = Files.createDirectories(dir.resolve("src/thirdparty/route"));
        Path classes = Files.createDirectories(dir.resolve("classes-" + jarFile.getFileName()));
        Files.writeString(src.resolve("LastReplicaRouter.java"), ROUTER);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int rc = javac.run(null, null, errors, "-proc:none", "-d", classes.toString(),
                "-cp", System.getProperty("java.class.path"), src.resolve("LastReplicaRouter.java").toString());
        assertEquals(0, rc, errors.toString());
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(jarFile));
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                put(jar, classes.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
            }
            put(jar, "META-INF/services/dev.servelab.engine.spi.Router",
                    "thirdparty.route.LastReplicaRouter\n".getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void put(JarOutputStream jar, String name, byte[] bytes) throws IOException {
        jar.putNextEntry(new JarEntry(name));
        OutputStream out = jar;
        out.write(bytes);
        jar.closeEntry();
    }
}
