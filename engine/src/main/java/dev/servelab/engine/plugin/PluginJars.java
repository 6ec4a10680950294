package dev.servelab.engine.plugin;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Where third-party plugin jars are found without editing any class path: every {@code *.jar} in
 * {@code ~/.servelab/plugins/} (or in the directories of the system property {@value #DIR_PROPERTY},
 * a path-separator list that replaces it, for tests), and every directory or jar listed in the
 * environment variable {@value #ENV} (a path-separator list). Each jar gets its own
 * {@link URLClassLoader}, a child of the application's loader, so a jar must carry what it needs
 * beside ServeLab's SPI (shade its own dependencies) and one broken jar cannot spoil another.
 */
public final class PluginJars {
    /** System property naming the plugin directories instead of {@code ~/.servelab/plugins}. */
    public static final String DIR_PROPERTY = "servelab.plugins.dir";
    /** Environment variable listing further plugin directories or jars. */
    public static final String ENV = "SERVELAB_PLUGINS";

    private PluginJars() {
    }

    /** The configured plugin locations: the property's (or the home directory's) plus {@value #ENV}'s. */
    public static List<Path> locations() {
        List<Path> out = new ArrayList<>();
        String dirs = System.getProperty(DIR_PROPERTY);
        if (dirs != null) out.addAll(split(dirs));
        else out.add(Path.of(System.getProperty("user.home"), ".servelab", "plugins"));
        String env = System.getenv(ENV);
        if (env != null) out.addAll(split(env));
        return out;
    }

    private static List<Path> split(String list) {
        List<Path> out = new ArrayList<>();
        for (String p : list.split(File.pathSeparator)) if (!p.isBlank()) out.add(Path.of(p.strip()));
        return out;
    }

    /**
     * The jars at {@code locations}: a directory contributes its {@code *.jar} files in name order, a
     * jar itself; a location that does not exist is skipped silently (the home directory usually does not).
     */
    public static List<Path> jars(List<Path> locations) {
        List<Path> out = new ArrayList<>();
        for (Path location : locations) {
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.list(location)) {
                    files.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f))
                            .sorted().forEach(out::add);
                } catch (IOException e) {
                    // an unreadable directory holds no plugins we can load
                }
            } else if (Files.isRegularFile(location)) {
                out.add(location);
            }
        }
        return out;
    }

    /** A class loader over one jar, child of {@code parent}; fails when the file is not a readable jar. */
    static URLClassLoader open(Path jar, ClassLoader parent) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            if (file.size() == 0) throw new IOException("the jar is empty");
        }
        URL url;
        try {
            url = jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IOException(e);
        }
        return new URLClassLoader("servelab-plugin:" + jar.getFileName(), new URL[]{url}, parent);
    }
}
