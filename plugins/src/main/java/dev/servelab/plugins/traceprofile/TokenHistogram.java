package dev.servelab.plugins.traceprofile;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Exact counts of integer token lengths, in memory proportional to the largest length rather than to
 * the number of requests (a 5 M-row trace costs the same as a 5 k-row one). Percentiles are linearly
 * interpolated between order statistics, numpy's default, so they equal the SOURCE.md figures.
 */
public final class TokenHistogram {
    private static final int DENSE_LIMIT = 1 << 20;
    private long[] dense = new long[1024];
    private final TreeMap<Integer, Long> sparse = new TreeMap<>();
    private long count;
    private double sum;
    private double sumSquares;
    private int min = Integer.MAX_VALUE;
    private int max = Integer.MIN_VALUE;

    public void add(int value) {
        if (value < 0) throw new IllegalArgumentException("negative length " + value);
        if (value < DENSE_LIMIT) {
            if (value >= dense.length) dense = Arrays.copyOf(dense, Math.min(DENSE_LIMIT, Integer.highestOneBit(value) * 2));
            dense[value]++;
        } else {
            sparse.merge(value, 1L, Long::sum);
        }
        count++;
        sum += value;
        sumSquares += (double) value * value;
        min = Math.min(min, value);
        max = Math.max(max, value);
    }

    public long count() {
        return count;
    }

    public double mean() {
        return count == 0 ? Double.NaN : sum / count;
    }

    /** Population coefficient of variation (standard deviation over mean). */
    public double cv() {
        double m = mean();
        return Math.sqrt(Math.max(0, sumSquares / count - m * m)) / m;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    /** The {@code q}-quantile ({@code q} in [0, 1]), interpolated linearly between order statistics. */
    public double quantile(double q) {
        if (count == 0) return Double.NaN;
        double rank = q * (count - 1);
        long lo = (long) Math.floor(rank);
        double a = orderStatistic(lo);
        double b = lo + 1 < count ? orderStatistic(lo + 1) : a;
        return a + (rank - lo) * (b - a);
    }

    /** The {@code k}-th smallest value, 0-based. */
    private int orderStatistic(long k) {
        long seen = 0;
        for (int v = 0; v < dense.length; v++) {
            seen += dense[v];
            if (seen > k) return v;
        }
        for (Map.Entry<Integer, Long> e : sparse.entrySet()) {
            seen += e.getValue();
            if (seen > k) return e.getKey();
        }
        return max;
    }

    /** Quantiles at {@code points} equally spaced probabilities from 0 to 1 (an inverse CDF table). */
    public double[] quantiles(int points) {
        double[] out = new double[points];
        for (int i = 0; i < points; i++) out[i] = quantile(i / (double) (points - 1));
        return out;
    }
}
