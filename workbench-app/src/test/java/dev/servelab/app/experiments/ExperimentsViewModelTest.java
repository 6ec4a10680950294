package dev.servelab.app.experiments;

import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.experiments.engines.LocalEngine;
import dev.servelab.experiments.engines.SweepEngine;
import dev.servelab.experiments.plot.Pareto;
import dev.servelab.experiments.point.CancelToken;
import dev.servelab.experiments.run.SweepOutcome;
import dev.servelab.experiments.run.SweepRunner;
import dev.servelab.experiments.sweep.SweepReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Experiments tab's view model over a real sweep stored in a real run store. */
class ExperimentsViewModelTest {
    @TempDir
    Path dir;

    @Test
    void listsTheStoredExperimentItsPointsAndTheFrontier() throws Exception {
        Path base = Path.of("").toAbsolutePath().getParent().resolve("sample-traces/pipelines/quickstart.yaml");
        Path sweep = dir.resolve("s.yaml");
        Files.writeString(sweep, "name: tab-test\nbase: " + base + "\nvary:\n  workload.requests: [300]\n"
                + "  pools.0.replicas: [1, 2, 4]\n  pools.0.tensor_parallel: [1, 16]\n"
                + "constraints: {p99_ttft_ms: 1000}\nobjective: {minimize: cost_per_hour_usd}\n");
        Path db = dir.resolve("runs.db");
        ExperimentsViewModel vm = new ExperimentsViewModel(db, PluginRegistry.load(), Runnable::run);
        vm.refresh();
        assertTrue(vm.experiments().isEmpty(), "no store yet: no experiments");
        SweepOutcome out = SweepRunner.run(SweepReader.read(sweep, PluginRegistry.load()), new LocalEngine(),
                new SweepEngine.Options(db, 2, null, new CancelToken()), null);
        vm.refresh();
        assertEquals(1, vm.experiments().size());
        assertEquals("tab-test", vm.experiments().getFirst().name());
        vm.select(out.experimentId());
        assertEquals(6, vm.points().size());
        assertEquals(3, vm.points().stream().filter(p -> p.status().equals("infeasible")).count());
        PointRow done = vm.points().stream().filter(p -> p.status().equals("completed")).findFirst().orElseThrow();
        assertTrue(done.runId() >= 0);
        assertFalse(Double.isNaN(done.metric("cost_per_hour_usd")));
        List<Pareto.Point> plotted = vm.plotted();
        assertEquals(3, plotted.size());
        List<Pareto.Point> frontier = vm.frontier();
        assertFalse(frontier.isEmpty());
        for (Pareto.Point f : frontier) {
            assertTrue(f.feasible());
            for (Pareto.Point p : plotted) {
                if (p.feasible()) assertFalse(p.x() < f.x() && p.y() < f.y(), "a frontier point is dominated: " + f + " by " + p);
            }
        }
    }
}
