package dev.servelab.plugins.workload;

import java.util.random.RandomGenerator;

/**
 * Exactly {@code round(rate × bucket length)} arrivals in each bucket (the last one may be cut short), placed by {@code k + 1} Gamma(cv)
 * gaps normalised to the bucket length (so the positions are Dirichlet-clustered: cv 1 is uniform
 * order statistics, higher cv bunches them). Reproduces a measured per-bucket count series exactly
 * while keeping the burstiness within buckets random.
 */
final class CountedArrivals {
    private final double[] ratesPerS;
    private final double bucketS;
    private final double endS;
    private final GammaSampler gaps;
    private final RandomGenerator rng;
    private double[] positions = new double[0];
    private int next;
    private int bucket = -1;

    /** Buckets of {@code bucketS}, the last one cut at {@code endS} (infinity = no cut). */
    CountedArrivals(double[] ratesPerS, double bucketS, double endS, double cv, RandomGenerator rng) {
        this.ratesPerS = ratesPerS;
        this.bucketS = bucketS;
        this.endS = endS;
        this.gaps = new GammaSampler(1, cv);
        this.rng = rng;
    }

    /** The next arrival in seconds, or infinity after the last bucket. */
    double next() {
        while (next >= positions.length) {
            if (++bucket >= ratesPerS.length || bucket * bucketS >= endS) return Double.POSITIVE_INFINITY;
            double length = Math.min(bucketS, endS - bucket * bucketS);
            fill((int) Math.round(ratesPerS[bucket] * length), length);
        }
        return bucket * bucketS + positions[next++];
    }

    private void fill(int k, double length) {
        positions = new double[k];
        next = 0;
        double[] cumulative = new double[k + 1];
        double sum = 0;
        for (int i = 0; i <= k; i++) {
            sum += gaps.sample(rng);
            cumulative[i] = sum;
        }
        for (int i = 0; i < k; i++) positions[i] = cumulative[i] / sum * length;
    }
}
