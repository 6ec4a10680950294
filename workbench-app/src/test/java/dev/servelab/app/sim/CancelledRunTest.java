package dev.servelab.app.sim;

import dev.servelab.engine.pipeline.PipelineLoader;
import dev.servelab.engine.pipeline.PipelineSpec;
import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.engine.run.RunOutcome;
import dev.servelab.engine.run.PipelineRun;
import dev.servelab.engine.store.RunInfo;
import dev.servelab.engine.store.RunStatus;
import dev.servelab.engine.store.RunStore;
import dev.servelab.engine.workload.WorkloadFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A run cancelled from another thread (the GUI's cancel button, Ctrl-C) is marked cancelled, not completed. */
class CancelledRunTest {
    @TempDir
    Path dir;

    @Test
    void cancellingFromAnotherThreadMarksTheRunCancelled() throws Exception {
        Path file = Files.writeString(dir.resolve("big.yaml"), """
                workload: {type: workload.poisson, rate_per_s: 200, requests: 2000000}
                pools: [{replicas: 4}]
                """);
        PipelineSpec spec = PipelineLoader.load(file, List.of());
        PluginRegistry registry = PluginRegistry.load();
        try (RunStore store = RunStore.open(dir.resolve("runs.db"))) {
            PipelineRun run = new PipelineRun(spec, registry,
                    WorkloadFactory.open(registry, spec.workload(), spec.seed(), 0, dir), "poisson", 2_000_000, store);
            AtomicBoolean cancelled = new AtomicBoolean();
            RunOutcome out = run.run("sim", p -> {
                if (p.completed() > 5_000 && cancelled.compareAndSet(false, true)) {
                    new Thread(run::cancel).start();
                }
            });
            assertEquals(RunStatus.CANCELLED, out.status());
            RunInfo info = store.run(out.runId()).orElseThrow();
            assertEquals(RunStatus.CANCELLED, info.status());
            assertNull(info.summaryJson(), "no summary for an incomplete run");
            assertTrue(info.error().startsWith("cancelled after"), info.error());
            assertTrue(run.progress().completed() < 2_000_000);
        }
    }
}
