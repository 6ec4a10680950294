package dev.servelab.plugins.batch;

import dev.servelab.engine.model.Request;
import dev.servelab.testkit.PipelineResult;
import dev.servelab.testkit.PipelineScenario;
import dev.servelab.testkit.ReplicaRun;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Vidur's vLLM scheduler rules: the padded prompt admission and the KV free-block watermark. */
class VidurRulesTest {
    private static final long MS = 1_000_000;

    private static ReplicaRun threePrompts(PrefillFirstScheduler.AdmissionRule rule) {
        return ReplicaRun.of(new PrefillFirstScheduler(new PrefillFirstScheduler.Settings(rule))).iterationMs(5, 0)
                .kv(1000, 16).limits(128, 1000)
                .submit(Request.of(0, 0, 100, 3), Request.of(1, 0, 400, 3), Request.of(2, 0, 300, 3), Request.of(3, 0, 100, 3))
                .run();
    }

    @Test
    void sumAdmitsWhileTheTokenSumFitsPaddedWhileBatchTimesLongestFits() {
        // sum: 100 + 400 + 300 + 100 = 900 <= 1000, all four; padded: 2 x 400 = 800 fits, 3 x 400 = 1200 does not
        assertEquals(4, threePrompts(PrefillFirstScheduler.AdmissionRule.SUM).iterations().get(0).batchSize());
        ReplicaRun padded = threePrompts(PrefillFirstScheduler.AdmissionRule.PADDED);
        assertEquals(2, padded.iterations().get(0).batchSize());
        assertEquals(500, padded.iterations().get(0).prefillTokens());
        // next prefill iteration: 300 then 100, 2 x 300 = 600 fits
        assertEquals(400, padded.iterations().get(1).prefillTokens());
        assertEquals(4, padded.finished().size());
    }

    private static PipelineResult twoRequests(double watermark) {
        return PipelineScenario.yaml("""
                pools:
                  - name: p
                    max_num_batched_tokens: 4096
                    scheduler: {type: batch.prefill-first}
                    kv_cache: {block_size: 16, capacity_blocks: 100, prefix_caching: false, watermark_fraction: %s}
                    executor: {type: exec.test-linear, base_ms: 5, per_token_ms: 0}
                """.formatted(watermark)).requests(Request.of(0, 0, 1200, 10), Request.of(1, MS, 300, 10)).run();
    }

    @Test
    void aWatermarkKeepsBlocksFreeWhenAdmittingANewPrompt() {
        // A holds 75-76 of 100 blocks; B needs 19: 100 - 76 - 19 = 5 free, under a 10-block watermark (10 %)
        PipelineResult none = twoRequests(0);
        assertTrue(none.row(1).firstTokenNs() < none.row(0).finishNs(), "without a watermark B runs beside A");
        PipelineResult kept = twoRequests(0.1);
        assertTrue(kept.row(1).firstTokenNs() > kept.row(0).finishNs(), "with it B waits until A has ended");
        PipelineResult small = twoRequests(0.04);
        assertTrue(small.row(1).firstTokenNs() < small.row(0).finishNs(), "a 4-block watermark leaves room for B");
    }
}
