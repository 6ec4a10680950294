package dev.servelab.engine.metrics;

import org.HdrHistogram.Histogram;

/**
 * One latency metric over a run: exact count, mean and (population) standard deviation from running
 * sums, percentiles from an HdrHistogram with three significant digits (0.1 % resolution). Values
 * are recorded in nanoseconds and reported in milliseconds.
 */
public final class LatencyStat {
    private final Histogram histogram = new Histogram(3);
    private long count;
    private double sumMs;
    private double sumSqMs;

    public LatencyStat() {
        histogram.setAutoResize(true);
    }

    public void record(long nanos) {
        record(nanos, 1);
    }

    public void record(long nanos, long times) {
        long v = Math.max(0, nanos);
        histogram.recordValueWithCount(v, times);
        double ms = v / 1e6;
        count += times;
        sumMs += ms * times;
        sumSqMs += ms * ms * times;
    }

    public long count() {
        return count;
    }

    public double meanMs() {
        return count == 0 ? 0 : sumMs / count;
    }

    public double stdMs() {
        if (count == 0) return 0;
        double mean = meanMs();
        return Math.sqrt(Math.max(0, sumSqMs / count - mean * mean));
    }

    /** The value at a percentile in [0, 100], in milliseconds (0 when empty). */
    public double percentileMs(double percentile) {
        return count == 0 ? 0 : histogram.getValueAtPercentile(percentile) / 1e6;
    }

    public double medianMs() {
        return percentileMs(50);
    }
}
