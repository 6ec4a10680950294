package dev.servelab.plugins.tracecli;

import dev.servelab.plugins.traceprofile.LengthSummary;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Assertions comparing computed statistics with the figures printed in a SOURCE.md. */
public final class StatsAssert {
    private StatsAssert() {
    }

    /** mean to one decimal, p50/p90/p99 and max as printed (rounded half-even, as Python's {@code round}). */
    public static void lengths(LengthSummary s, double mean, int p50, int p90, int p99, int max) {
        assertEquals(mean, Math.round(s.mean() * 10) / 10.0, 1e-9, "mean");
        assertEquals((long) p50, (long) Math.rint(s.p50()), "p50");
        assertEquals((long) p90, (long) Math.rint(s.p90()), "p90");
        assertEquals((long) p99, (long) Math.rint(s.p99()), "p99");
        assertEquals(max, s.max(), "max");
    }
}
