package dev.servelab.plugins.kv;

import dev.servelab.engine.replica.KvCache;
import dev.servelab.engine.spi.EvictionPolicy;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Victim order of each eviction policy in a real {@link KvCache}: four blocks are cached (published
 * and released in the order 0, 1, 2, 3), block 1 is then hit twice and block 2 once, and four new
 * blocks are allocated, each evicting one cached block.
 */
class VictimOrderTest {
    private static final long[] KEYS = {101, 102, 103, 104};

    static List<Long> evictionOrder(EvictionPolicy policy) {
        KvCache kv = new KvCache(4, 16, policy);
        int[] blocks = new int[4];
        for (int i = 0; i < 4; i++) {
            blocks[i] = kv.allocate();
            kv.publish(blocks[i], KEYS[i]);
        }
        for (int i = 0; i < 4; i++) kv.release(blocks[i], i);
        hit(kv, KEYS[1], 10);
        hit(kv, KEYS[1], 11);
        hit(kv, KEYS[2], 12);
        List<Long> evicted = new ArrayList<>();
        for (int n = 0; n < 4; n++) {
            kv.allocate();
            for (long k : KEYS) if (kv.lookup(k) < 0 && !evicted.contains(k)) evicted.add(k);
        }
        return evicted;
    }

    private static void hit(KvCache kv, long key, long now) {
        int b = kv.lookup(key);
        kv.acquire(b, now);
        kv.release(b, now);
    }

    @Test
    void lruEvictsLeastRecentlyReleasedFirst() {
        assertEquals(List.of(101L, 104L, 102L, 103L), evictionOrder(new LruEviction()));
    }

    @Test
    void lfuEvictsFewestHitsFirstThenLeastRecent() {
        assertEquals(List.of(101L, 104L, 103L, 102L), evictionOrder(new LfuEviction()));
    }

    @Test
    void fifoEvictsInEntryOrderWhateverTheHits() {
        assertEquals(List.of(101L, 102L, 103L, 104L), evictionOrder(new FifoEviction()));
    }

    @Test
    void s3FifoEvictsUnhitBlocksFromTheSmallQueueBeforeHitOnes() {
        // 101 and 104 were never hit: they leave the small queue; 102 and 103 move to main, where 103
        // (one hit) runs out of credit before 102 (two hits)
        assertEquals(List.of(101L, 104L, 103L, 102L), evictionOrder(new S3FifoEviction()));
    }

    @Test
    void s3FifoIsScanResistant() {
        // a hot block hit repeatedly survives a scan of once-used blocks that would flush it from LRU
        assertEquals(0, survivorsAfterScan(new LruEviction()));
        assertEquals(1, survivorsAfterScan(new S3FifoEviction()));
    }

    @Test
    void s3FifoSendsContentRememberedByItsGhostQueueStraightToMain() {
        KvCache kv = new KvCache(10, 16, new S3FifoEviction());
        cache(kv, 7, 0);
        for (int i = 0; i < 9; i++) cache(kv, 100 + i, 1 + i);
        int reused = cache(kv, 7, 10);
        assertTrue(reused >= 0 && kv.lookup(7) == reused, "7 was evicted unhit (into the ghost queue) and came back");
        for (int i = 0; i < 12; i++) cache(kv, 200 + i, 11 + i);
        assertTrue(kv.lookup(7) >= 0, "remembered content went to main and outlives 12 newcomers cycling through small");
        assertEquals(-1, kv.lookup(100), "the once-used blocks were evicted from the small queue");
    }

    /** Allocates a block (evicting if needed), fills it with {@code key} and releases it. */
    private static int cache(KvCache kv, long key, long now) {
        int b = kv.allocate();
        kv.publish(b, key);
        kv.release(b, now);
        return b;
    }

    private static int survivorsAfterScan(EvictionPolicy policy) {
        KvCache kv = new KvCache(10, 16, policy);
        int hot = kv.allocate();
        kv.publish(hot, 1);
        kv.release(hot, 0);
        for (int i = 0; i < 3; i++) hit(kv, 1, i + 1);
        for (int i = 0; i < 30; i++) {
            int b = kv.allocate();
            kv.publish(b, 1000 + i);
            kv.release(b, 10 + i);
        }
        return kv.lookup(1) >= 0 ? 1 : 0;
    }
}
