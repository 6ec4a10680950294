package dev.servelab.engine.metrics;

/** One latency metric of a run in milliseconds: mean, median, population standard deviation and percentiles. */
public record LatencySummary(double mean, double median, double std, double p50, double p90, double p95, double p99) {
    /** The numbers of {@code s} now (all 0 when it recorded nothing). */
    public static LatencySummary of(LatencyStat s) {
        return new LatencySummary(s.meanMs(), s.medianMs(), s.stdMs(), s.percentileMs(50), s.percentileMs(90),
                s.percentileMs(95), s.percentileMs(99));
    }
}
