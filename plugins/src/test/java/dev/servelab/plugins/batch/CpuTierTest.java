package dev.servelab.plugins.batch;

import dev.servelab.engine.model.Request;
import dev.servelab.engine.replica.CpuTier;
import dev.servelab.testkit.ReplicaRun;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A 100-block GPU cache: A's 64 prefix blocks are evicted by three other 1,024-token prompts, then
 * B comes back with A's prefix. With a CPU tier the evicted blocks are reloaded (1 ms each) instead
 * of recomputed. Iterations take 5 ms + 0.01 ms per token.
 */
class CpuTierTest {
    private static final long MS = 1_000_000;

    static Request prompt(long id, long arrival, long firstHash, int blocks) {
        long[] h = new long[blocks];
        for (int i = 0; i < blocks; i++) h[i] = firstHash + i;
        return new Request(id, arrival, blocks * 16, 2, h, 16, null, null, null);
    }

    static ReplicaRun run(CpuTier tier) {
        ReplicaRun r = ReplicaRun.of(new ContinuousBatchScheduler()).iterationMs(5, 0.01).kv(100, 16).limits(8, 8192).cpuTier(tier);
        r.submit(prompt(0, 0, 1000, 64));
        for (int i = 1; i <= 3; i++) r.submit(prompt(i, i * 100 * MS, i * 10_000L, 64));
        r.submit(prompt(4, 1000 * MS, 1000, 65));
        return r.run();
    }

    @Test
    void withoutATierTheEvictedPrefixIsRecomputed() {
        ReplicaRun r = run(null);
        assertEquals(0, r.seq(4).cachedTokens());
    }

    @Test
    void theCpuTierReloadsEvictedPrefixBlocksAndChargesTheCopy() {
        CpuTier tier = new CpuTier(1000, MS);
        ReplicaRun r = run(tier);
        assertEquals(64 * 16, r.seq(4).cachedTokens(), "B's 64 prefix blocks come back from the CPU tier");
        assertEquals(64, tier.reloads());
        assertTrue(tier.offloads() >= 64);
        ReplicaRun.Iteration admitB = r.iterations().stream().filter(i -> i.startNanos() >= 1000 * MS).findFirst().orElseThrow();
        assertEquals(16, admitB.prefillTokens(), "only the last block is computed");
        assertEquals(Math.round((5 + 0.01 * 16) * MS) + 64 * MS, admitB.durationNanos(), "iteration + 64 block reloads");
    }

    @Test
    void aFullTierForgetsItsLeastRecentlyOffloadedBlocks() {
        CpuTier tier = new CpuTier(10, MS);
        ReplicaRun r = run(tier);
        assertEquals(0, r.seq(4).cachedTokens(), "A's head blocks were pushed out of a 10-block tier");
    }
}
