package dev.servelab.app.run;

import dev.servelab.app.TestRuns;
import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.engine.run.RunProgress;
import dev.servelab.engine.store.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunViewModelTest {
    @Test
    void progressSnapshotsBecomeFractionEtaAndHeadline() {
        RunViewModel vm = new RunViewModel();
        vm.started("quickstart");
        assertTrue(vm.runningProperty().get());
        assertEquals(-1, vm.fractionProperty().get(), "indeterminate until the first sample");
        vm.update(new RunProgress(30_000_000_000L, 1_000_000, 1600, 1500, 3000, 2.0));
        assertEquals(0.5, vm.fractionProperty().get());
        assertEquals("ETA 2.0 s", vm.etaProperty().get());
        assertTrue(vm.headlineProperty().get().contains("1,500 / 3,000 done"), vm.headlineProperty().get());
        assertTrue(vm.headlineProperty().get().contains("50.00 req/s"), vm.headlineProperty().get());
        vm.finished("Completed run 1");
        assertFalse(vm.runningProperty().get());
        assertEquals(1.0, vm.fractionProperty().get());
    }

    @Test
    void aRunnerRunsOffTheCallingThreadAndCanBeCancelled(@TempDir Path dir) {
        var tree = TestRuns.quickstart("workload.requests=200000");
        PipelineRunner r = PipelineRunner.start(tree, "big", null, dir.resolve("runs.db"), PluginRegistry.load());
        r.cancel();
        assertEquals(RunStatus.CANCELLED, r.outcome().join().status());
    }
}
