package dev.servelab.engine.metrics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LatencyStatTest {
    @Test
    void meanAndStdAreExactAndPercentilesWithinHdrResolution() {
        LatencyStat s = new LatencyStat();
        for (int ms = 1; ms <= 100; ms++) s.record(ms * 1_000_000L);
        assertEquals(100, s.count());
        assertEquals(50.5, s.meanMs(), 1e-9);
        // population std of 1..100 = sqrt((100^2 - 1) / 12)
        assertEquals(Math.sqrt((100 * 100 - 1) / 12.0), s.stdMs(), 1e-9);
        assertEquals(50.0, s.medianMs(), 50.0 * 1e-3);
        assertEquals(99.0, s.percentileMs(99), 99.0 * 1e-3);
    }

    @Test
    void weightedRecordsCountEachValue() {
        LatencyStat s = new LatencyStat();
        s.record(10_000_000L, 3);
        s.record(40_000_000L, 1);
        assertEquals(4, s.count());
        assertEquals(17.5, s.meanMs(), 1e-9);
        assertEquals(Math.sqrt((3 * 7.5 * 7.5 + 22.5 * 22.5) / 4), s.stdMs(), 1e-9);
    }

    @Test
    void emptyStatReportsZeros() {
        LatencyStat s = new LatencyStat();
        assertEquals(0, s.meanMs());
        assertEquals(0, s.stdMs());
        assertEquals(0, s.percentileMs(99));
    }
}
