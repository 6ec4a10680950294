package dev.servelab.experiments.spark;

import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.engine.store.RunStore;
import dev.servelab.experiments.point.CancelToken;
import dev.servelab.experiments.point.PointResult;
import dev.servelab.experiments.point.PointRunner;
import dev.servelab.experiments.point.PointTask;
import org.apache.spark.api.java.function.Function;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Spark task: runs one point into a temporary run store of its own (deleted afterwards) and returns
 * the result with the runs' rows, for the driver to store. The plugin registry is loaded once per executor JVM.
 */
final class DetachedPointRunner implements Function<PointTask, PointResult> {
    private static final long serialVersionUID = 1L;

    private static final class Registry {
        static final PluginRegistry INSTANCE = PluginRegistry.load();
    }

    @Override
    public PointResult call(PointTask task) {
        Path dir;
        try {
            dir = Files.createTempDirectory("servelab-spark-point");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (RunStore store = RunStore.open(dir.resolve("runs.db"))) {
            return PointRunner.run(task, Registry.INSTANCE, store, new CancelToken());
        } finally {
            deleteQuietly(dir);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }
}
