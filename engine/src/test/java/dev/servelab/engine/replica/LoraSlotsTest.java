package dev.servelab.engine.replica;

import dev.servelab.engine.model.AdapterId;
import dev.servelab.engine.spi.MultiLora;
import dev.servelab.engine.spi.MultiLora.Targets;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The batch rule, LRU residency and load times of a replica's adapter slots, by hand. */
class LoraSlotsTest {
    private static final AdapterId A0 = AdapterId.of(0);
    private static final AdapterId A1 = AdapterId.of(1);
    private static final AdapterId A2 = AdapterId.of(2);

    private static MultiLora fixed(int maxLoras, double loadMs) {
        return new MultiLora(maxLoras, 16, Targets.ATTENTION, loadMs, 25, 2);
    }

    @Test
    void atMostMaxLorasDistinctAdaptersRunAndTheLeastRecentlyUsedIdleOneIsEvicted() {
        LoraSlots slots = new LoraSlots(fixed(2, 5), 0);
        assertEquals(5_000_000, slots.acquire(A0), "not resident: 5 ms load");
        assertEquals(5_000_000, slots.acquire(A1));
        assertFalse(slots.admits(A2), "two distinct adapters run: a third waits");
        assertTrue(slots.admits(A0), "a running adapter admits more requests");
        assertTrue(slots.admits(null), "the base model needs no slot");
        assertEquals(0, slots.acquire(A1), "resident: no load");
        slots.release(A0);
        assertTrue(slots.admits(A2));
        assertEquals(5_000_000, slots.acquire(A2), "loads into A0's slot (idle, least recently used)");
        assertFalse(slots.holds(A0));
        assertTrue(slots.holds(A1) && slots.holds(A2));
        slots.release(A1);
        slots.release(A1);
        assertEquals(5_000_000, slots.acquire(A0), "A1 is now idle and least recently used: evicted");
        assertFalse(slots.holds(A1));
        assertEquals(4, slots.loads());
        assertEquals(4, slots.takeIterationLoads());
        assertEquals(0, slots.takeIterationLoads());
        assertEquals(2, slots.residentCount());
    }

    @Test
    void loadTimeIsAdapterBytesOverTheBandwidthUnlessFixed() {
        // 335,544,320 bytes (llama-3.1-8b, rank 64, all-linear) at 25 GB/s: 13,421,772.8 ns
        MultiLora bw = new MultiLora(4, 64, Targets.ALL_LINEAR, null, 25, 2);
        assertEquals(13_421_773, new LoraSlots(bw, 335_544_320L).loadNanos());
        assertEquals(2_500_000, new LoraSlots(fixed(4, 2.5), 335_544_320L).loadNanos());
    }

    @Test
    void routedRequestsCountAsHoldingUntilTheyLeave() {
        LoraSlots slots = new LoraSlots(fixed(1, 1), 0);
        slots.routed(A2);
        assertTrue(slots.holds(A2), "queued here: sending more costs no extra load");
        slots.left(A2);
        assertFalse(slots.holds(A2));
    }
}
