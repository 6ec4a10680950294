package dev.servelab.plugins.workload;

import java.util.random.RandomGenerator;

/**
 * A renewal process whose rate is constant within equal time buckets: gaps are drawn in units of the
 * mean gap (from the bucket they start in) and spent in "operational time" that passes at the
 * bucket's rate, stopping in empty buckets. A gap that crosses a bucket boundary carries over, so each
 * bucket gets its rate on average even when it holds only a few arrivals. Used for fitted rate
 * profiles and for ServeGen's 10-minute windows.
 */
public final class PiecewiseArrivals {
    /** Draws a gap in units of the mean gap, for the bucket it starts in. */
    @FunctionalInterface
    public interface UnitGaps {
        double sample(int bucket, RandomGenerator rng);
    }

    private final double[] ratesPerS;
    private final double bucketS;
    private final double endS;
    private final UnitGaps gaps;
    private final RandomGenerator rng;
    private int b;
    private double tS;

    /** Arrivals over {@code [startS, endS)}; bucket {@code i} covers {@code [i·bucketS, (i+1)·bucketS)}. */
    public PiecewiseArrivals(double[] ratesPerS, double bucketS, double startS, double endS, UnitGaps gaps, RandomGenerator rng) {
        this.ratesPerS = ratesPerS;
        this.bucketS = bucketS;
        this.endS = Math.min(endS, ratesPerS.length * bucketS);
        this.gaps = gaps;
        this.rng = rng;
        this.b = (int) Math.floor(startS / bucketS);
        this.tS = startS;
    }

    /** The next arrival in seconds, or infinity after the last bucket. */
    public double next() {
        double units = -1;
        while (b < ratesPerS.length && tS < endS) {
            double bucketEnd = Math.min(endS, (b + 1) * bucketS);
            double rate = ratesPerS[b];
            if (rate > 0) {
                if (units < 0) units = gaps.sample(b, rng);
                double left = (bucketEnd - tS) * rate;
                if (units < left) {
                    tS += units / rate;
                    return tS;
                }
                units -= left;
            }
            b++;
            tS = bucketEnd;
        }
        return Double.POSITIVE_INFINITY;
    }
}
