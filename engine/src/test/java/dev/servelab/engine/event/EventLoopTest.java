package dev.servelab.engine.event;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EventLoopTest {
    @Test
    void runsEventsInTimeOrderAndTiesInInsertionOrder() {
        EventLoop loop = new EventLoop();
        List<String> seen = new ArrayList<>();
        loop.at(30, () -> seen.add("c@30"));
        loop.at(10, () -> seen.add("a@10"));
        loop.at(10, () -> seen.add("b@10"));
        loop.at(20, () -> {
            seen.add("x@20");
            loop.at(20, () -> seen.add("y@20 (scheduled at 20)"));
            loop.at(25, () -> seen.add("z@25"));
        });
        loop.run();
        assertEquals(List.of("a@10", "b@10", "x@20", "y@20 (scheduled at 20)", "z@25", "c@30"), seen);
        assertEquals(30, loop.nowNanos());
        assertEquals(6, loop.processedEvents());
    }

    @Test
    void deferredEventsRunAfterEveryOrdinaryEventOfTheSameTime() {
        EventLoop loop = new EventLoop();
        List<String> seen = new ArrayList<>();
        loop.at(5, () -> {
            seen.add("arrival 1");
            loop.afterOthersAt(5, () -> seen.add("start"));
            loop.at(5, () -> seen.add("arrival 2 (scheduled after the start)"));
        });
        loop.at(6, () -> seen.add("later"));
        loop.run();
        assertEquals(List.of("arrival 1", "arrival 2 (scheduled after the start)", "start", "later"), seen);
    }

    @Test
    void theRestOfAnEventRunsBeforeAnyOtherEventOfThatTimeAndCountsAsPartOfIt() {
        EventLoop loop = new EventLoop();
        List<String> seen = new ArrayList<>();
        List<Long> progress = new ArrayList<>();
        loop.at(5, () -> {
            seen.add("finish");
            loop.at(5, () -> seen.add("other at 5"));
            loop.thenRun(() -> {
                seen.add("start (rest of finish) at " + loop.nowNanos());
                loop.thenRun(() -> seen.add("rest of the rest"));
            });
        });
        loop.at(5, () -> seen.add("scheduled earlier at 5"));
        loop.run((now, events) -> progress.add(events), 1);
        assertEquals(List.of("finish", "start (rest of finish) at 5", "rest of the rest", "scheduled earlier at 5",
                "other at 5"), seen);
        assertEquals(3, loop.processedEvents());
        assertEquals(List.of(1L, 2L, 3L), progress);
    }

    @Test
    void theRestOfAnEventIsSetOnce() {
        EventLoop loop = new EventLoop();
        loop.at(1, () -> {
            loop.thenRun(() -> { });
            loop.thenRun(() -> { });
        });
        IllegalStateException e = assertThrows(IllegalStateException.class, loop::run);
        assertEquals("thenRun called twice in one event", e.getMessage());
    }

    @Test
    void refusesEventsInThePast() {
        EventLoop loop = new EventLoop();
        loop.at(100, () -> loop.at(50, () -> { }));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, loop::run);
        assertEquals("event at 50 ns is before now (100 ns)", e.getMessage());
    }

    @Test
    void cancelStopsBeforeTheNextEvent() {
        EventLoop loop = new EventLoop();
        List<Long> seen = new ArrayList<>();
        for (long t = 1; t <= 10; t++) {
            long time = t;
            loop.at(t, () -> {
                seen.add(time);
                if (time == 3) loop.cancel();
            });
        }
        assertThrows(CancellationException.class, loop::run);
        assertEquals(List.of(1L, 2L, 3L), seen);
    }

    @Test
    void progressIsReportedEveryNEvents() {
        EventLoop loop = new EventLoop();
        for (int i = 0; i < 10; i++) loop.at(i, () -> { });
        List<Long> reports = new ArrayList<>();
        loop.run((now, events) -> reports.add(events), 4);
        assertEquals(List.of(4L, 8L), reports);
    }

    @Test
    void wallClockPacerWaitsForEventTime() {
        WallClockPacer pacer = new WallClockPacer(10.0);
        EventLoop loop = new EventLoop(pacer);
        long[] ranAtRunNanos = new long[1];
        loop.at(200_000_000L, () -> ranAtRunNanos[0] = pacer.elapsedRunNanos());
        loop.run();
        // 200 ms of run time at speed 10 is 20 ms of wall time: the event cannot run earlier.
        assertEquals(true, ranAtRunNanos[0] >= 200_000_000L, "ran at " + ranAtRunNanos[0]);
    }
}
