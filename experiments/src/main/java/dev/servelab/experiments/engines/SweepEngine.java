package dev.servelab.experiments.engines;

import dev.servelab.experiments.point.CancelToken;
import dev.servelab.experiments.point.PointResult;
import dev.servelab.experiments.point.PointTask;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs a sweep's points and hands each result to {@code sink} on the calling thread, in completion order.
 * An engine whose workers store runs in the sweep's own store ({@link #storesRuns()}) returns run ids of
 * that store; otherwise every result carries its runs ({@link PointResult#runs()}) for the caller to store.
 * Register implementations in {@code META-INF/services/dev.servelab.experiments.engines.SweepEngine}.
 */
public interface SweepEngine {
    /** The {@code --engine} id. */
    String id();

    /** Whether results' run ids are already in the sweep's store. */
    boolean storesRuns();

    void run(List<PointTask> tasks, Options options, Consumer<PointResult> sink);

    /** The run store file, the parallelism wanted (0: all cores), the Spark master URL (null: local), and Ctrl-C. */
    record Options(Path db, int parallel, String master, CancelToken cancel) {
        public int threads() {
            return parallel > 0 ? parallel : Runtime.getRuntime().availableProcessors();
        }
    }
}
