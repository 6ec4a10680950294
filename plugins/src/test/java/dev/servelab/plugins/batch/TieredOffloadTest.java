package dev.servelab.plugins.batch;

import dev.servelab.engine.replica.OffloadTiers;
import dev.servelab.engine.spi.CacheTier;
import dev.servelab.engine.spi.KvOffload;
import dev.servelab.testkit.ReplicaRun;
import org.junit.jupiter.api.Test;

import static dev.servelab.plugins.batch.CpuTierTest.prompt;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Tiered KV offload timing on a real replica and scheduler, by hand: the same sequence as {@link CpuTierTest}
 * (A's 64 prefix blocks evicted from a 100-block GPU cache by three other prompts, then B returns with A's prefix
 * plus one block); blocks are 1 MB (16 tokens × 62,500 bytes), the CPU tier moves 1 GB/s (1 ms a block) after a
 * 0.5 ms latency, the disk 0.5 GB/s (2 ms a block) after 3 ms. Iterations take 5 ms + 0.01 ms per token, so B's
 * admitting iteration computes 16 tokens in 5.16 ms.
 */
class TieredOffloadTest {
    private static final long MS = 1_000_000;
    private static final long COMPUTE = Math.round(5.16 * MS);

    static OffloadTiers tiers(int cpuBlocks, KvOffload.Policy policy, boolean overlap) {
        KvOffload.Tier cpu = new KvOffload.Tier(cpuBlocks, 0, 1, 0.5);
        KvOffload.Tier disk = new KvOffload.Tier(1000, 0, 0.5, 3);
        return OffloadTiers.of(new KvOffload(cpu, disk, policy, overlap, 0), 1_000_000);
    }

    static ReplicaRun run(OffloadTiers tiers) {
        ReplicaRun r = ReplicaRun.of(new ContinuousBatchScheduler()).iterationMs(5, 0.01).kv(100, 16).limits(8, 8192).tiers(tiers);
        r.submit(prompt(0, 0, 1000, 64));
        for (int i = 1; i <= 3; i++) r.submit(prompt(i, i * 100 * MS, i * 10_000L, 64));
        r.submit(prompt(4, 1000 * MS, 1000, 65));
        return r.run();
    }

    static ReplicaRun.Iteration admitB(ReplicaRun r) {
        return r.iterations().stream().filter(i -> i.startNanos() >= 1000 * MS).findFirst().orElseThrow();
    }

    @Test
    void aCpuTierLoadIsLatencyPlusBytesOverBandwidthAddedToTheIteration() {
        ReplicaRun r = run(tiers(1000, KvOffload.Policy.ON_EVICT, false));
        assertEquals(64 * 16, r.seq(4).cachedTokens());
        assertEquals(64 * 16, r.seq(4).cachedTokensCpu(), "every hit came from the CPU tier");
        assertEquals(0, r.seq(4).cachedTokensDisk());
        assertEquals(16, admitB(r).prefillTokens());
        assertEquals(COMPUTE + Math.round(0.5 * MS) + 64 * MS, admitB(r).durationNanos(), "5.16 + 0.5 + 64 × 1 ms");
    }

    @Test
    void withOverlapTheIterationTakesTheLongerOfComputeAndLoad() {
        ReplicaRun r = run(tiers(1000, KvOffload.Policy.ON_EVICT, true));
        assertEquals(Math.max(COMPUTE, Math.round(0.5 * MS) + 64 * MS), admitB(r).durationNanos(), "max(5.16, 64.5) ms");
    }

    @Test
    void blocksTheCpuTierCouldNotHoldComeFromDiskAtDiskCost() {
        ReplicaRun r = run(tiers(10, KvOffload.Policy.ON_EVICT, false));
        assertEquals(64 * 16, r.seq(4).cachedTokensDisk(), "a 10-block CPU tier passed A's blocks down to disk");
        assertEquals(0, r.seq(4).cachedTokensCpu());
        assertEquals(COMPUTE + 3 * MS + 64 * 2 * MS, admitB(r).durationNanos(), "5.16 + 3 + 64 × 2 ms");
    }

    @Test
    void writeThroughKeepsThePrefixOnDiskEvenWhenTheCpuTierDroppedIt() {
        OffloadTiers t = tiers(10, KvOffload.Policy.WRITE_THROUGH, false);
        ReplicaRun r = run(t);
        assertEquals(64 * 16, r.seq(4).cachedTokensDisk());
        assertEquals(10, t.blocksIn(CacheTier.CPU));
        assertEquals(4 * 64 + 1, t.storesInto(CacheTier.DISK), "every computed full block once: 4 prompts of 64, B's 65th");
    }
}
