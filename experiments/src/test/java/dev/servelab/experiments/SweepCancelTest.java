package dev.servelab.experiments;

import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.engine.store.RunStatus;
import dev.servelab.engine.store.RunStore;
import dev.servelab.experiments.engines.LocalEngine;
import dev.servelab.experiments.engines.SweepEngine;
import dev.servelab.experiments.point.CancelToken;
import dev.servelab.experiments.point.PointResult;
import dev.servelab.experiments.point.PointStatus;
import dev.servelab.experiments.point.PointTask;
import dev.servelab.experiments.run.SweepOutcome;
import dev.servelab.experiments.run.SweepRunner;
import dev.servelab.experiments.store.ExperimentStatus;
import dev.servelab.experiments.store.StoredPoint;
import dev.servelab.experiments.sweep.SweepReader;
import dev.servelab.experiments.sweep.SweepSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ctrl-C in the middle of a sweep (the token cancelled after the third stored point, as the shutdown hook
 * does): the experiment is marked cancelled, finished points stay stored with their runs, no run is left
 * {@code running}, and running the sweep again completes it without re-running the stored points.
 */
class SweepCancelTest {
    @TempDir
    Path dir;

    @Test
    void cancelledSweepKeepsFinishedPointsAndResumes() {
        SweepSpec sweep = SweepReader.read(Cli.resource("sweeps/small.yaml"), PluginRegistry.load());
        Path db = dir.resolve("runs.db");
        CancelToken cancel = new CancelToken();
        LocalEngine local = new LocalEngine();
        SweepEngine cancelAfterThree = new SweepEngine() {
            public String id() {
                return "local";
            }

            public boolean storesRuns() {
                return true;
            }

            public void run(List<PointTask> tasks, Options options, Consumer<PointResult> sink) {
                int[] seen = {0};
                local.run(tasks, options, r -> {
                    sink.accept(r);
                    if (r.status() != PointStatus.CANCELLED && ++seen[0] == 3) cancel.cancel();
                });
            }
        };
        SweepOutcome first = SweepRunner.run(sweep, cancelAfterThree, new SweepEngine.Options(db, 1, null, cancel), null);
        assertEquals(ExperimentStatus.CANCELLED, first.status());
        assertTrue(first.points().size() >= 3 && first.points().size() < 16, "stored: " + first.points().size());
        try (RunStore runs = RunStore.open(db)) {
            assertTrue(runs.listRuns().stream().noneMatch(r -> r.status() == RunStatus.RUNNING));
            for (StoredPoint p : first.points()) if (p.runId() >= 0) assertEquals(RunStatus.COMPLETED, runs.run(p.runId()).orElseThrow().status());
        }
        SweepOutcome second = SweepRunner.run(sweep, local, new SweepEngine.Options(db, 2, null, new CancelToken()), null);
        assertEquals(first.experimentId(), second.experimentId());
        assertEquals(ExperimentStatus.COMPLETED, second.status());
        assertEquals(16, second.points().size());
        assertEquals(16 - first.points().size(), second.ranNow());
    }
}
