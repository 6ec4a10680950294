package dev.servelab.app.scenarios;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.servelab.app.run.PipelineRunner;
import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.metrics.MetricKey;
import dev.servelab.engine.pipeline.Overrides;
import dev.servelab.engine.pipeline.PipelineLoader;
import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.engine.run.RunOutcome;
import dev.servelab.engine.store.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped expert-parallel example runs end to end through the real engine with exec.operators
 * into a real store, and its MoE settings reach the timing. On Mixtral (8 experts, every one hit by
 * almost every batch, so the weights read do not change) a skewed expert router crowds the hot experts'
 * GPU and makes compute-bound prefill slower: TTFT rises while every request completes. (On DeepSeek-V3,
 * whose 256 small experts are bound by the weights read, skew does the opposite: fewer experts are
 * touched — see docs/scenarios.md.)
 */
class ExpertParallelPipelineTest {
    private static final Path PIPELINE = Path.of("../sample-traces/pipelines/moe-expert-parallel.yaml");

    @TempDir
    Path dir;

    private RunOutcome run(String... overrides) {
        ObjectNode tree = PipelineLoader.readTree(PIPELINE);
        Overrides.apply(tree, "workload.requests=60");
        for (String o : overrides) Overrides.apply(tree, o);
        return PipelineRunner.start(tree, "moe", PIPELINE.getParent(), dir.resolve("runs.db"), PluginRegistry.load())
                .outcome().join();
    }

    @Test
    void routingSkewSlowsPrefillOnTheBusiestExpertRank() {
        String[] mixtral = {"pools.0.model=mixtral-8x7b", "pools.0.tensor_parallel=2", "pools.0.executor.expert_parallel=2",
            "pools.0.executor.weight_dtype=bf16", "pools.0.executor.kv_dtype=bf16", "workload.rate_per_s=20"};
        RunOutcome balanced = run(mixtral);
        String[] skew = java.util.Arrays.copyOf(mixtral, mixtral.length + 1);
        skew[mixtral.length] = "pools.0.executor.expert_skew=1.5";
        RunOutcome skewed = run(skew);
        assertEquals(RunStatus.COMPLETED, balanced.status());
        assertEquals(60, balanced.metrics().completed());
        assertEquals(60, skewed.metrics().completed());
        double a = balanced.metrics().value(MetricKey.MEAN_TTFT_MS);
        double b = skewed.metrics().value(MetricKey.MEAN_TTFT_MS);
        assertTrue(b > a, b + " vs " + a);
    }

    @Test
    void expertParallelDegreeOtherThanTheTpDegreeIsRefusedNamingTheField() {
        java.util.concurrent.CompletionException wrapped = org.junit.jupiter.api.Assertions.assertThrows(
                java.util.concurrent.CompletionException.class, () -> run("pools.0.executor.expert_parallel=4"));
        Throwable e = wrapped.getCause();
        assertTrue(e instanceof ServeLabException, String.valueOf(e));
        assertTrue(e.getMessage().contains("pools[0].executor.expert_parallel: expert_parallel must be 1 or the tensor-parallel degree (8)"), e.getMessage());
    }
}
