package dev.servelab.engine.metrics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LatencyStatTest {
    @Test
    void meanStdAndPercentilesAreNumpys() {
        LatencyStat s = new LatencyStat();
        for (int ms = 1; ms <= 100; ms++) s.record(ms * 1_000_000L);
        assertEquals(100, s.count());
        assertEquals(50.5, s.meanMs(), 1e-9);
        // population std of 1..100 = sqrt((100^2 - 1) / 12)
        assertEquals(Math.sqrt((100 * 100 - 1) / 12.0), s.stdMs(), 1e-9);
        assertEquals(50.5, s.medianMs(), 1e-12, "np.median(range(1, 101))");
        assertEquals(99.01, s.percentileMs(99), 1e-12, "np.percentile(range(1, 101), 99)");
        assertEquals(90.1, s.percentileMs(90), 1e-12);
        assertEquals(1.0, s.percentileMs(0), 1e-12);
        assertEquals(100.0, s.percentileMs(100), 1e-12);
        assertTrue(s.isExact());
    }

    @Test
    void unsortedAndFractionalValuesInterpolate() {
        LatencyStat s = new LatencyStat();
        s.record(3.5e6, 1);
        s.record(1_000_000L);
        s.record(2_000_000L);
        assertEquals(2.0, s.medianMs(), 1e-12);
        assertEquals(2.0 + 0.5 * 1.5, s.percentileMs(75), 1e-12, "rank 1.5 of 1, 2, 3.5");
    }

    @Test
    void pastTheExactBoundPercentilesComeFromTheHistogramWithinItsResolution() {
        LatencyStat s = new LatencyStat(50);
        for (int ms = 1; ms <= 100; ms++) s.record(ms * 1_000_000L);
        assertFalse(s.isExact());
        assertEquals(100, s.count());
        assertEquals(50.5, s.meanMs(), 1e-9);
        assertEquals(50.0, s.medianMs(), 50.0 * 1e-3, "nearest rank, three significant digits");
        assertEquals(Math.sqrt((100 * 100 - 1) / 12.0), s.stdMs(), 1e-9);
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
