package dev.servelab.plugins.batch;

import dev.servelab.engine.model.Request;
import dev.servelab.testkit.ReplicaRun;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two 60-token prompts each generating 60 tokens on a 10-block (160-token) KV cache: growing past
 * 80 tokens each, one must be preempted. Iterations take 5 ms; with swapping, one 16-token block
 * takes 16 ms to copy (1 MB per token over 1 GB/s).
 */
class SwapPreemptionTest {
    private static final long MS = 1_000_000;

    private static ReplicaRun run(Preemption mode) {
        return ReplicaRun.of(new ChunkedPrefillScheduler(new ChunkedPrefillScheduler.Settings(0, mode)))
                .iterationMs(5, 0).kv(10, 16).limits(8, 8192)
                .submit(Request.of(0, 0, 60, 60))
                .submit(Request.of(1, 0, 60, 60))
                .run();
    }

    @Test
    void recomputeRedoesThePreemptedTokens() {
        ReplicaRun r = run(Preemption.RECOMPUTE);
        assertTrue(r.seq(1).preemptions() >= 1);
        assertTrue(r.totalPrefillTokens() > 120, "the victim's prompt and output are computed again: " + r.totalPrefillTokens());
        assertTrue(r.iterations().stream().allMatch(i -> i.durationNanos() == 5 * MS), "no transfer time");
    }

    @Test
    void swapKeepsTheComputedTokensButPaysThePcieCopyBothWays() {
        Preemption swap = new Preemption(Preemption.Mode.SWAP, 1, 1_000_000);
        ReplicaRun r = run(swap);
        assertTrue(r.seq(1).preemptions() >= 1);
        assertEquals(120, r.totalPrefillTokens(), "each prompt is computed once");
        long copying = r.iterations().stream().mapToLong(i -> i.durationNanos() - 5 * MS).sum();
        int swaps = r.seq(0).preemptions() + r.seq(1).preemptions();
        // 5 blocks out (80 tokens held) and back in, 16 ms per block each way
        assertEquals(swaps * 2L * 5 * 16 * MS, copying, "transfer time: " + copying / 1e6 + " ms for " + swaps + " swaps");
    }
}
