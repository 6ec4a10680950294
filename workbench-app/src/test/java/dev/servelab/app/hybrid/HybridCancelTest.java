package dev.servelab.app.hybrid;

import dev.servelab.app.hybrid.HybridFixture.RequestRow;
import dev.servelab.engine.pipeline.PipelineLoader;
import dev.servelab.engine.pipeline.PipelineSpec;
import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.engine.run.RunOutcome;
import dev.servelab.engine.run.PipelineRun;
import dev.servelab.engine.store.RunStatus;
import dev.servelab.engine.store.RunStore;
import dev.servelab.engine.workload.WorkloadFactory;
import dev.servelab.hw.agent.EdgeAgentServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cancelling a hybrid run: the run is marked cancelled, streams cut short are stored failed with the tokens they received. */
@Timeout(60)
class HybridCancelTest {
    @TempDir
    Path dir;

    @Test
    void cancelKeepsWhatArrivedAndRecordsTheRestFailed() throws Exception {
        try (EdgeAgentServer agent = HybridFixture.agent(dir, 20)) {
            PipelineSpec spec = PipelineLoader.load(HybridFixture.pipeline(dir, agent.baseUri().toString(), 6, 20, 300, 400),
                    List.of());
            PluginRegistry registry = PluginRegistry.load();
            Path db = dir.resolve("runs.db");
            try (RunStore store = RunStore.open(db)) {
                PipelineRun run = PipelineRun.live(spec, registry, WorkloadFactory.open(registry, spec.workload(), spec.seed(),
                        0, spec.baseDir()), "cancel-test", 6, store, 1.0);
                Thread canceller = Thread.ofVirtual().start(() -> {
                    try {
                        Thread.sleep(1_500);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    run.cancel();
                });
                RunOutcome out = run.run("live", null);
                canceller.join();
                assertEquals(RunStatus.CANCELLED, out.status());
                assertEquals(RunStatus.CANCELLED, store.run(out.runId()).orElseThrow().status());
                List<RequestRow> edge = HybridFixture.requests(db, out.runId()).stream().filter(r -> r.replica() == 0).toList();
                assertEquals(3, edge.size(), "every request sent to the agent is stored: " + edge);
                for (RequestRow r : edge) {
                    assertEquals("failed", r.status(), r.toString());
                    assertTrue(r.reason().startsWith("run cancelled before the stream ended"), r.reason());
                    assertTrue(r.tokenNanos().length > 0 && r.tokenNanos().length < r.outputTokens(), "partial: " + r);
                }
            }
        }
    }
}
