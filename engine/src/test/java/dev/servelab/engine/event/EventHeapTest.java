package dev.servelab.engine.event;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventHeapTest {
    private record Key(long time, long order, Runnable action) {
    }

    @Test
    void pollsEventsInTimeThenOrderAcrossInterleavedAddsAndPolls() {
        SplittableRandom random = new SplittableRandom(7);
        EventHeap heap = new EventHeap();
        List<Key> pending = new ArrayList<>();
        Comparator<Key> byKey = Comparator.comparingLong(Key::time).thenComparingLong(Key::order);
        long seq = 0;
        for (int step = 0; step < 20_000; step++) {
            if (pending.isEmpty() || random.nextInt(3) > 0) {
                long time = random.nextLong(50);
                long order = (random.nextInt(4) == 0 ? EventHeap.AFTER_OTHERS : 0) | seq++;
                Key k = new Key(time, order, () -> { });
                heap.add(time, order, k.action());
                pending.add(k);
            } else {
                Key expected = pending.stream().min(byKey).orElseThrow();
                pending.remove(expected);
                assertEquals(expected.time(), heap.firstTimeNanos());
                assertSame(expected.action(), heap.poll());
            }
            assertEquals(pending.size(), heap.size());
        }
    }

    @Test
    void anEventAfterOthersRunsAfterOrdinaryEventsOfItsTimeScheduledLater() {
        EventHeap heap = new EventHeap();
        Runnable late = () -> { };
        Runnable ordinary = () -> { };
        heap.add(10, EventHeap.AFTER_OTHERS | 0, late);
        heap.add(10, 1, ordinary);
        assertSame(ordinary, heap.poll());
        assertSame(late, heap.poll());
        assertTrue(heap.isEmpty());
    }
}
