package dev.servelab.plugins.kv;

import dev.servelab.engine.spi.EvictionPolicy;
import dev.servelab.testkit.EvictionScript;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Victim order of each eviction policy in the engine's real KV cache (through the test kit's
 * {@link EvictionScript}): four blocks are cached (published and released in the order 0, 1, 2, 3),
 * block 1 is then hit twice and block 2 once, and four new blocks are allocated, each evicting one
 * cached block.
 */
class VictimOrderTest {
    static List<Long> evictionOrder(EvictionPolicy policy) {
        return EvictionScript.of(policy, 4).cache(101, 102, 103, 104)
                .hit(102, 10).hit(102, 11).hit(103, 12)
                .evictions(4);
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
        EvictionScript s = EvictionScript.of(new S3FifoEviction(), 10);
        s.cacheAt(7, 0);
        for (int i = 0; i < 9; i++) s.cacheAt(100 + i, 1 + i);
        s.cacheAt(7, 10);
        assertEquals(List.of(7L), s.evicted(), "7 was evicted unhit (into the ghost queue) and came back");
        assertTrue(s.contains(7));
        for (int i = 0; i < 12; i++) s.cacheAt(200 + i, 11 + i);
        assertTrue(s.contains(7), "remembered content went to main and outlives 12 newcomers cycling through small");
        assertFalse(s.contains(100), "the once-used blocks were evicted from the small queue");
    }

    private static int survivorsAfterScan(EvictionPolicy policy) {
        EvictionScript s = EvictionScript.of(policy, 10);
        s.cacheAt(1, 0);
        for (int i = 0; i < 3; i++) s.hit(1, i + 1);
        for (int i = 0; i < 30; i++) s.cacheAt(1000 + i, 10 + i);
        return s.contains(1) ? 1 : 0;
    }
}
