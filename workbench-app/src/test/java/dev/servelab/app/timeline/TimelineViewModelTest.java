package dev.servelab.app.timeline;

import dev.servelab.engine.store.IterationTable;
import dev.servelab.engine.store.TokenTable;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimelineViewModelTest {
    /** Two requests: #7 arrives at 0, scheduled at 10 ms, tokens at 50, 60, 70 ms; #8 arrives at 20 ms, tokens at 90, 100 ms. */
    private static TokenTable table() {
        long ms = 1_000_000;
        return new TokenTable(new long[]{7, 8}, new int[]{0, 1}, new long[]{0, 20 * ms}, new long[]{10 * ms, 40 * ms},
                new int[]{0, 3, 5}, new long[]{50 * ms, 60 * ms, 70 * ms, 90 * ms, 100 * ms}, new int[]{0, 0, 0}, new long[0]);
    }

    @Test
    void zoomKeepsTheAnchorAndPanMovesTheWindow() {
        TimelineViewModel vm = new TimelineViewModel();
        vm.show(table(), List.of(new IterationTable(0, new long[0], new long[0], new int[0], new int[0], new int[0], new int[0])));
        double w = vm.window();
        double at = vm.startNanosProperty().get() + 0.25 * w;
        vm.zoom(0.5, 0.25);
        assertEquals(w / 2, vm.window(), 1);
        assertEquals(at, vm.startNanosProperty().get() + 0.25 * vm.window(), 1);
        double s = vm.startNanosProperty().get();
        vm.pan(0.5);
        assertEquals(s + vm.window() / 2, vm.startNanosProperty().get(), 1);
        for (int i = 0; i < 100; i++) vm.zoom(0.1, 0.5);
        assertEquals(TimelineViewModel.MIN_WINDOW_NANOS, vm.window(), 1);
    }

    @Test
    void hoverFindsTheNearestTokenAndThePhase() {
        TimelineViewModel vm = new TimelineViewModel();
        vm.show(table(), List.of());
        TokenHit h = vm.hit(0.5, 61e6);
        assertEquals(7, h.requestId());
        assertEquals(1, h.tokenIndex());
        assertEquals(10_000_000, h.gapNanos());
        assertEquals("decode", h.phase());
        assertEquals("queueing", vm.hit(0.2, 5e6).phase());
        assertEquals("prefill", vm.hit(0.9, 30e6).phase());
        assertEquals(8, vm.hit(1.5, 99e6).requestId());
        assertNull(vm.hit(1.5, 10e6), "before arrival");
        assertNull(vm.hit(5, 50e6), "no such row");
    }

    @Test
    void zoomToTokensShowsAFewTokensOfARow() {
        TimelineViewModel vm = new TimelineViewModel();
        vm.show(table(), List.of());
        vm.zoomToTokens(0, 2);
        assertTrue(vm.startNanosProperty().get() < 10e6 && vm.endNanosProperty().get() > 70e6 && vm.endNanosProperty().get() < 90e6);
        vm.fitRows(100);
        assertEquals(16, vm.rowHeightProperty().get());
    }

    @Test
    void goToRequestScrollsToItsRowAndZoomsToItsLifetime() {
        TimelineViewModel vm = new TimelineViewModel();
        vm.show(table(), List.of());
        assertTrue(vm.goTo(8, 600));
        assertEquals(1, vm.highlightedProperty().get());
        assertTrue(vm.startNanosProperty().get() < 20e6 && vm.endNanosProperty().get() > 100e6, "arrival to last token visible");
        assertTrue(vm.window() < 200e6);
        assertTrue(!vm.goTo(99, 600), "a request without token times has no row");
        assertEquals(1, vm.highlightedProperty().get());
    }

    @Test
    void rowHeightChangesKeepTheRowUnderThePointer() {
        long ms = 1_000_000;
        int n = 1000;
        long[] ids = new long[n], arr = new long[n], sched = new long[n], times = new long[n];
        int[] rep = new int[n], start = new int[n + 1];
        for (int i = 0; i < n; i++) {
            ids[i] = i;
            arr[i] = i * ms;
            sched[i] = i * ms + ms / 2;
            times[i] = i * ms + ms;
            start[i + 1] = i + 1;
        }
        TimelineViewModel vm = new TimelineViewModel();
        vm.show(new TokenTable(ids, rep, arr, sched, start, times, new int[n + 1], new long[0]), List.of());
        vm.zoomRows(1, 500, 0);
        vm.scrollRows(300);
        double anchorPx = 200;
        double rowUnder = vm.topRowProperty().get() + anchorPx / vm.rowHeightProperty().get();
        vm.zoomRows(1.25, 500, anchorPx);
        assertEquals(rowUnder, vm.topRowProperty().get() + anchorPx / vm.rowHeightProperty().get(), 1e-9);
        vm.zoomRows(0.8, 500, anchorPx);
        assertEquals(rowUnder, vm.topRowProperty().get() + anchorPx / vm.rowHeightProperty().get(), 1e-9);
    }
}
