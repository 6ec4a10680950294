package dev.servelab.experiments.engines;

import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.plugin.PluginJars;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * Finds a sweep engine by id: first on the class path, then in an engine directory, a folder of jars
 * (the engine's jar and its dependencies, e.g. {@code experiments-spark/target/spark-engine/}) loaded
 * together by one class loader, a child of the application's. Engine directories are {@value #ENV}
 * (a path-separator list), the {@code spark-engine} folder inside each plugin location
 * ({@link PluginJars#locations()}), and {@code experiments-spark/target/spark-engine} beside the launcher
 * jar's checkout.
 */
public final class SweepEngines {
    /** Environment variable listing engine directories. */
    public static final String ENV = "SERVELAB_SWEEP_ENGINES";
    /** System property listing engine directories (tests), searched before {@value #ENV}. */
    public static final String PROPERTY = "servelab.sweep.engines";

    private SweepEngines() {
    }

    public static SweepEngine find(String id) {
        for (SweepEngine e : ServiceLoader.load(SweepEngine.class, SweepEngines.class.getClassLoader())) {
            if (e.id().equals(id)) return e;
        }
        List<Path> dirs = directories();
        for (Path dir : dirs) {
            ClassLoader loader = loader(dir);
            if (loader == null) continue;
            for (SweepEngine e : ServiceLoader.load(SweepEngine.class, loader)) if (e.id().equals(id)) return e;
        }
        throw new ServeLabException("--engine " + id + ": no such sweep engine (local is built in; "
                + (id.equals("spark") ? "build the Spark engine with ./mvnw -pl experiments-spark -am package and set "
                + ENV + "=experiments-spark/target/spark-engine; " : "") + "looked in " + dirs + ")");
    }

    static List<Path> directories() {
        List<Path> out = new ArrayList<>();
        String prop = System.getProperty(PROPERTY);
        if (prop != null) for (String p : prop.split(java.io.File.pathSeparator)) if (!p.isBlank()) out.add(Path.of(p));
        String env = System.getenv(ENV);
        if (env != null) for (String p : env.split(java.io.File.pathSeparator)) if (!p.isBlank()) out.add(Path.of(p));
        for (Path l : PluginJars.locations()) out.add(l.resolve("spark-engine"));
        Path beside = besideLauncher();
        if (beside != null) out.add(beside);
        return out;
    }

    /** {@code <checkout>/experiments-spark/target/spark-engine} when running from {@code <checkout>/workbench-app/target/servelab.jar}. */
    private static Path besideLauncher() {
        try {
            var src = SweepEngines.class.getProtectionDomain().getCodeSource();
            if (src == null) return null;
            Path jar = Path.of(src.getLocation().toURI());
            Path checkout = jar.getParent() == null || jar.getParent().getParent() == null ? null : jar.getParent().getParent().getParent();
            return checkout == null ? null : checkout.resolve("experiments-spark/target/spark-engine");
        } catch (java.net.URISyntaxException | IllegalArgumentException | SecurityException e) {
            return null;
        }
    }

    private static ClassLoader loader(Path dir) {
        if (!Files.isDirectory(dir)) return null;
        List<URL> urls = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) urls.add(f.toUri().toURL());
        } catch (MalformedURLException e) {
            return null;
        } catch (IOException e) {
            return null;
        }
        if (urls.isEmpty()) return null;
        return new URLClassLoader("servelab-sweep-engine:" + dir.getFileName(), urls.toArray(URL[]::new),
                SweepEngines.class.getClassLoader());
    }
}
