package dev.servelab.safety.stats;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

import java.util.Arrays;

/**
 * A percentile bootstrap interval for the mean of paired differences (Efron &amp; Tibshirani, "An
 * Introduction to the Bootstrap", 1993, ch. 13): the rounds are resampled with replacement
 * {@code resamples} times, and the interval runs between two percentiles of the resampled means. A
 * plain 95 % percentile interval is too narrow with the few rounds an A/B comparison affords (it
 * uses the normal quantile and the bootstrap variance, (n−1)/n of the sample variance); so the
 * percentiles are those of the <em>expanded</em> percentile interval (Hesterberg, "What Teachers
 * Should Know About the Bootstrap", The American Statistician 2015): the tail probability α'/2 with
 * z(α'/2) = √(n/(n−1)) · t(n−1, α/2), e.g. the 0.57th and 99.43rd percentiles for 8 rounds, which
 * tends to the plain 2.5th and 97.5th as rounds grow. The generator is seeded, so the same
 * differences always give the same interval.
 */
public final class PairedBootstrap {
    public static final int DEFAULT_RESAMPLES = 10_000;
    private final int resamples;
    private final long seed;

    public PairedBootstrap(int resamples, long seed) {
        if (resamples < 100) throw new IllegalArgumentException("resamples must be >= 100, was " + resamples);
        this.resamples = resamples;
        this.seed = seed;
    }

    /** The {@code level} (e.g. 0.95) interval {low, high} of the mean of {@code differences}. */
    public double[] interval(double[] differences, double level) {
        int n = differences.length;
        if (n == 0) return new double[]{Double.NaN, Double.NaN};
        RandomGenerator rng = new Well19937c(seed);
        double[] means = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            double sum = 0;
            for (int i = 0; i < n; i++) sum += differences[rng.nextInt(n)];
            means[b] = sum / n;
        }
        Arrays.sort(means);
        double tail = expandedTail(n, level);
        return new double[]{quantile(means, tail), quantile(means, 1 - tail)};
    }

    /** The tail probability of the expanded percentile interval for {@code n} rounds at {@code level}. */
    static double expandedTail(int n, double level) {
        double tail = (1 - level) / 2;
        if (n < 2) return tail;
        double t = new TDistribution(null, n - 1).inverseCumulativeProbability(1 - tail);
        return new NormalDistribution(null, 0, 1).cumulativeProbability(-Math.sqrt((double) n / (n - 1)) * t);
    }

    /** Linear interpolation between order statistics (type 7 of Hyndman &amp; Fan). */
    static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
