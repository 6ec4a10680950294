package dev.servelab.engine.replica;

import dev.servelab.engine.spi.CacheTier;
import dev.servelab.engine.spi.KvOffload;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The copy-down and capacity rules of {@link OffloadTiers}, computed by hand on a 2-block GPU cache with a
 * 2-block CPU tier and a 4-block disk tier: blocks 1..6 are computed two at a time, each pair evicting the one
 * before it from the GPU.
 */
class OffloadTiersTest {
    /** 1 MB blocks: 16 tokens of 62,500 bytes. */
    static final double BLOCK_BYTES = 1_000_000;

    static OffloadTiers tiers(KvOffload.Policy policy, int cpuBlocks, int diskBlocks) {
        return OffloadTiers.of(new KvOffload(new KvOffload.Tier(cpuBlocks, 0, 1, 0), new KvOffload.Tier(diskBlocks, 0, 0.5, 3),
                policy, false, 0), BLOCK_BYTES);
    }

    /** Computes and publishes blocks {@code keys} on the 2-block GPU (evicting what is there), then releases them. */
    static void compute(KvCache kv, long... keys) {
        int[] b = new int[keys.length];
        for (int i = 0; i < keys.length; i++) {
            b[i] = kv.allocate();
            kv.publish(b[i], keys[i]);
        }
        for (int x : b) kv.release(x, 0);
    }

    @Test
    void writeThroughCopiesEveryComputedBlockDownAtOnceAndDropsAtCapacity() {
        OffloadTiers t = tiers(KvOffload.Policy.WRITE_THROUGH, 2, 4);
        KvCache kv = new KvCache(2, 16, new LruTestEviction(), t);
        compute(kv, 1, 2);
        assertArrayEquals(new long[]{1, 2}, t.keysIn(CacheTier.CPU), "stored as computed, before any eviction");
        assertArrayEquals(new long[]{1, 2}, t.keysIn(CacheTier.DISK));
        compute(kv, 3, 4);
        compute(kv, 5, 6);
        assertArrayEquals(new long[]{5, 6}, t.keysIn(CacheTier.CPU), "the CPU tier keeps the 2 newest");
        assertArrayEquals(new long[]{3, 4, 5, 6}, t.keysIn(CacheTier.DISK), "the disk keeps the 4 newest; 1 and 2 dropped");
    }

    @Test
    void onEvictCopiesDownOnlyWhatTheTierAboveLostLeastRecentlyUsedFirst() {
        OffloadTiers t = tiers(KvOffload.Policy.ON_EVICT, 2, 4);
        KvCache kv = new KvCache(2, 16, new LruTestEviction(), t);
        compute(kv, 1, 2);
        assertEquals(0, t.blocksIn(CacheTier.CPU), "nothing evicted yet, nothing copied");
        assertEquals(0, t.blocksIn(CacheTier.DISK));
        compute(kv, 3, 4);
        assertArrayEquals(new long[]{1, 2}, t.keysIn(CacheTier.CPU), "GPU evicted 1 and 2 into the CPU tier");
        assertEquals(0, t.blocksIn(CacheTier.DISK));
        compute(kv, 5, 6);
        assertArrayEquals(new long[]{3, 4}, t.keysIn(CacheTier.CPU));
        assertArrayEquals(new long[]{1, 2}, t.keysIn(CacheTier.DISK), "the CPU tier's victims went to disk");
        compute(kv, 7, 8);
        compute(kv, 9, 10);
        assertArrayEquals(new long[]{7, 8}, t.keysIn(CacheTier.CPU));
        assertArrayEquals(new long[]{3, 4, 5, 6}, t.keysIn(CacheTier.DISK), "disk full: its least recent (1, 2) are gone");
        assertEquals(CacheTier.CPU, kv.lowerTierOf(8));
        assertEquals(CacheTier.DISK, kv.lowerTierOf(3));
        assertNull(kv.lowerTierOf(1));
        assertNull(kv.lowerTierOf(10), "10 is on the GPU, not below");
    }

    @Test
    void aLoadTakesBytesOverBandwidthPerBlockAndTheLatencyApart() {
        OffloadTiers t = tiers(KvOffload.Policy.ON_EVICT, 2, 4);
        assertEquals(1_000_000, t.nanosPerBlock(CacheTier.CPU), "1 MB at 1 GB/s = 1 ms");
        assertEquals(2_000_000, t.nanosPerBlock(CacheTier.DISK), "1 MB at 0.5 GB/s = 2 ms");
        assertEquals(3_000_000, t.latencyNanos(CacheTier.DISK));
        assertEquals(0, t.latencyNanos(CacheTier.CPU));
    }

    @Test
    void aGibCapacityHoldsWholeBlocks() {
        KvOffload.Tier tier = new KvOffload.Tier(0, 1, 25, 0);
        assertEquals(512, tier.blocks(2 * 1024 * 1024), "1 GiB of 2 MiB blocks");
        assertEquals(83_886, tier.nanosPerBlock(2 * 1024 * 1024), "2 MiB at 25 GB/s");
    }

    @Test
    void aLoadedBlockBecomesMostRecentInItsTier() {
        OffloadTiers t = tiers(KvOffload.Policy.ON_EVICT, 3, 4);
        KvCache kv = new KvCache(2, 16, new LruTestEviction(), t);
        compute(kv, 1, 2);
        compute(kv, 3, 4);
        int b = kv.allocate();
        assertArrayEquals(new long[]{1, 2, 3}, t.keysIn(CacheTier.CPU), "the allocation evicted 3 from the GPU");
        assertEquals(1_000_000, kv.reload(b, 1, CacheTier.CPU));
        assertEquals(1, t.loadsFrom(CacheTier.CPU));
        assertArrayEquals(new long[]{2, 3, 1}, t.keysIn(CacheTier.CPU), "1 was used last: 2 leaves first");
        assertEquals(b, kv.lookup(1), "the loaded block is cached on the GPU again");
    }
}
