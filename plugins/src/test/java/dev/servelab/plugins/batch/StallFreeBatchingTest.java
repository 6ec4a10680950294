package dev.servelab.plugins.batch;

import dev.servelab.engine.model.Request;
import dev.servelab.testkit.ReplicaRun;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A decoding request A (64-token prompt, 200 output tokens) meets an 8,000-token prompt B at 100 ms.
 * Iterations take 5 ms + 0.01 ms per token.
 */
class StallFreeBatchingTest {
    private static final long MS = 1_000_000;

    private static ReplicaRun run(dev.servelab.engine.spi.BatchScheduler s) {
        return ReplicaRun.of(s).iterationMs(5, 0.01).kv(4000, 16).limits(64, 8192)
                .submit(Request.of(0, 0, 64, 200))
                .submit(Request.of(1, 100 * MS, 8000, 2))
                .run();
    }

    @Test
    void prefillFirstStallsDecodesForTheWholePrompt() {
        ReplicaRun r = run(new PrefillFirstScheduler());
        assertTrue(r.maxGapMs(0) >= 5 + 80, "A waits for B's whole 8,000-token prefill: " + r.maxGapMs(0));
        assertTrue(r.iterations().stream().noneMatch(i -> i.prefillTokens() > 0 && i.decodeTokens() > 0),
                "prefill and decode never share an iteration");
    }

    @Test
    void sarathiKeepsDecodeLatencyFlatWhileTheLongPromptIsAdmitted() {
        ReplicaRun r = run(new SarathiScheduler());
        assertTrue(r.maxGapMs(0) <= 5 + 0.01 * 512 + 1e-6, "A's gaps stay within one 512-token iteration: " + r.maxGapMs(0));
        assertTrue(r.iterations().stream().allMatch(i -> i.prefillTokens() + i.decodeTokens() <= 512));
        long chunks = r.iterations().stream().filter(i -> i.prefillTokens() > 0 && i.decodeTokens() > 0).count();
        assertTrue(chunks >= 8000 / 512, "B's prompt is spread over piggybacked chunks: " + chunks);
    }

    @Test
    void chunkedPrefillFillsTheUnifiedBudgetInOneIteration() {
        ReplicaRun r = ReplicaRun.of(new ChunkedPrefillScheduler()).iterationMs(5, 0.01).kv(4000, 16).limits(64, 1000)
                .submit(Request.of(0, 0, 64, 50))
                .submit(Request.of(1, 100 * MS, 3000, 2))
                .run();
        ReplicaRun.Iteration first = r.iterations().stream().filter(i -> i.prefillTokens() > 100).findFirst().orElseThrow();
        assertEquals(1, first.decodeTokens(), "A's decode rides along");
        assertEquals(999, first.prefillTokens(), "B's chunk takes the rest of the 1,000-token budget");
    }

    @Test
    void staticBatchingMakesNewcomersWaitForTheWholeBatch() {
        ReplicaRun r = ReplicaRun.of(new StaticBatchScheduler()).iterationMs(5, 0).kv(4000, 16).limits(64, 8192)
                .submit(Request.of(0, 0, 64, 40))
                .submit(Request.of(1, 0, 64, 5))
                .submit(Request.of(2, 20 * MS, 64, 5))
                .run();
        assertTrue(r.seq(2).firstScheduledNanos() >= r.seq(0).finishNanos(), "C starts only after the batch's longest request");
        assertEquals(r.seq(0).firstScheduledNanos(), r.seq(1).firstScheduledNanos(), "A and B form one batch");
    }
}
