package dev.servelab.engine.metrics;

import org.HdrHistogram.Histogram;

import java.util.Arrays;

/**
 * One latency metric over a run, with vLLM {@code bench serve}'s statistics: count, mean, population
 * standard deviation ({@code np.std}) and percentiles by linear interpolation between the two nearest
 * ranks ({@code np.percentile} / {@code np.median}, so the median of 1..100 is 50.5).
 *
 * <p>Values are kept exactly (nanoseconds as doubles, so a fractional TPOT stays exact) up to
 * {@code exactLimit} values. Past that bound the stat switches, once and deterministically, to an
 * HdrHistogram with three significant digits: percentiles are then nearest-rank bucket tops, within
 * 0.1 % of the exact value; count and mean stay exact, std is from running sums. The collector gives
 * per-request metrics a bound of {@link #PER_REQUEST_LIMIT} and ITL one of {@link #ITL_LIMIT} gaps.
 */
public final class LatencyStat {
    /** Per-request metrics (TTFT, TPOT, E2EL, queueing) are exact up to this many requests (128 MiB each at most). */
    public static final int PER_REQUEST_LIMIT = 1 << 24;
    /** ITL is exact up to this many inter-token gaps (32 MiB); beyond it, within HdrHistogram's 0.1 %. */
    public static final int ITL_LIMIT = 1 << 22;

    private final int exactLimit;
    private double[] values = new double[64];
    private int size;
    private boolean sorted = true;
    private Histogram histogram;
    private long count;
    private double sumMs;
    private double sumSqMs;

    /** A stat exact up to {@link #PER_REQUEST_LIMIT} values. */
    public LatencyStat() {
        this(PER_REQUEST_LIMIT);
    }

    /** A stat exact up to {@code exactLimit} values, then HdrHistogram-backed. */
    public LatencyStat(int exactLimit) {
        this.exactLimit = exactLimit;
    }

    public void record(long nanos) {
        record((double) nanos, 1);
    }

    public void record(long nanos, long times) {
        record((double) nanos, times);
    }

    /** Records {@code times} values of {@code nanos} (negative values count as 0). */
    public void record(double nanos, long times) {
        double v = Math.max(0, nanos);
        double ms = v / 1e6;
        count += times;
        sumMs += ms * times;
        sumSqMs += ms * ms * times;
        if (histogram == null && size + times > exactLimit) spill();
        if (histogram != null) {
            histogram.recordValueWithCount(Math.round(v), times);
            return;
        }
        int n = (int) times;
        if (size + n > values.length) values = Arrays.copyOf(values, Math.max(size + n, values.length * 2));
        Arrays.fill(values, size, size + n, v);
        if (size > 0 && v < values[size - 1]) sorted = false;
        size += n;
    }

    /** Moves every exact value into the histogram and keeps only the histogram from now on. */
    private void spill() {
        histogram = new Histogram(3);
        histogram.setAutoResize(true);
        for (int i = 0; i < size; i++) histogram.recordValue(Math.round(values[i]));
        values = null;
        size = 0;
    }

    /**
     * A new stat holding this one's values minus {@code removed}'s (a multiset difference; each removed value
     * must have been recorded here), e.g. the inter-token gaps of warmup requests taken back out of ITL.
     */
    public LatencyStat without(LatencyStat removed) {
        LatencyStat out = new LatencyStat(exactLimit);
        if (removed.count == 0) {
            out.add(this);
            return out;
        }
        if (histogram == null && removed.histogram == null) {
            double[] mine = Arrays.copyOf(values, size);
            double[] gone = Arrays.copyOf(removed.values, removed.size);
            Arrays.sort(mine);
            Arrays.sort(gone);
            int j = 0;
            for (double v : mine) {
                if (j < gone.length && gone[j] == v) j++;
                else out.record(v, 1);
            }
            return out;
        }
        out.spill();
        out.histogram.add(histogramOf(this));
        out.histogram.subtract(histogramOf(removed));
        out.count = count - removed.count;
        out.sumMs = sumMs - removed.sumMs;
        out.sumSqMs = sumSqMs - removed.sumSqMs;
        return out;
    }

    private void add(LatencyStat other) {
        if (other.histogram == null) {
            for (int i = 0; i < other.size; i++) record(other.values[i], 1);
            return;
        }
        spill();
        histogram.add(other.histogram);
        count = other.count;
        sumMs = other.sumMs;
        sumSqMs = other.sumSqMs;
    }

    private static Histogram histogramOf(LatencyStat s) {
        if (s.histogram != null) return s.histogram;
        Histogram h = new Histogram(3);
        h.setAutoResize(true);
        for (int i = 0; i < s.size; i++) h.recordValue(Math.round(s.values[i]));
        return h;
    }

    /** Whether every value is still kept (percentiles exact); false past the exact bound. */
    public boolean isExact() {
        return histogram == null;
    }

    public long count() {
        return count;
    }

    public double meanMs() {
        return count == 0 ? 0 : sumMs / count;
    }

    /** Population standard deviation ({@code np.std}), two-pass over the exact values. */
    public double stdMs() {
        if (count == 0) return 0;
        double mean = meanMs();
        if (histogram != null) return Math.sqrt(Math.max(0, sumSqMs / count - mean * mean));
        double ss = 0;
        for (int i = 0; i < size; i++) {
            double d = values[i] / 1e6 - mean;
            ss += d * d;
        }
        return Math.sqrt(ss / count);
    }

    /**
     * Sorts the exact values now (the percentiles and the standard deviation read them in sorted order);
     * {@link MetricsCollector#summary} sorts its stats on two threads at once this way.
     */
    void sort() {
        if (!sorted && histogram == null) {
            DoubleRadixSort.sort(values, size);
            sorted = true;
        }
    }

    /** How many exact values are kept (0 once the stat is histogram-backed). */
    int exactSize() {
        return histogram == null ? size : 0;
    }

    /** The value at a percentile in [0, 100] in milliseconds, interpolated linearly as numpy does (0 when empty). */
    public double percentileMs(double percentile) {
        if (count == 0) return 0;
        if (histogram != null) return histogram.getValueAtPercentile(percentile) / 1e6;
        sort();
        double rank = (size - 1) * (percentile / 100.0);
        int lo = (int) Math.floor(rank);
        int hi = Math.min(lo + 1, size - 1);
        double t = rank - lo;
        double a = values[lo] / 1e6;
        double b = values[hi] / 1e6;
        return t >= 0.5 ? b - (b - a) * (1 - t) : a + (b - a) * t; // numpy's _lerp, both branches
    }

    public double medianMs() {
        return percentileMs(50);
    }
}
