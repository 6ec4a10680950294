package dev.servelab.plugins.workload;

import dev.servelab.engine.spi.Setting;

import java.util.List;
import java.util.function.DoubleSupplier;
import java.util.random.RandomGenerator;

/**
 * A measured arrival-rate profile: one rate per {@code bucket_s} bucket (e.g. requests per minute of a
 * trace divided by 60), as {@code trace fit} writes it. When given, a generator follows it instead of
 * its constant rate, and stops at its end: as a renewal process whose rate changes per bucket
 * ({@link PiecewiseArrivals}), or, with {@code exact_counts}, with exactly the measured number of
 * arrivals per bucket ({@link CountedArrivals}).
 */
public record RateProfile(
        @Setting(summary = "bucket length", unit = "s", min = 1e-3) double bucketS,
        @Setting(summary = "rate in each bucket (empty = no profile)", unit = "req/s") List<Double> ratesPerS,
        @Setting(summary = "exactly rate x bucket_s arrivals per bucket (a measured count series) instead of a renewal process") boolean exactCounts) {

    public static final RateProfile NONE = new RateProfile(60, List.of(), false);

    public RateProfile {
        if (!(bucketS > 0)) bucketS = 60;
        ratesPerS = ratesPerS == null ? List.of() : List.copyOf(ratesPerS);
        for (Double r : ratesPerS) {
            if (r == null || r < 0) throw new IllegalArgumentException("rate_profile.rates_per_s must be >= 0, found " + r);
        }
    }

    public boolean isEmpty() {
        return ratesPerS.isEmpty();
    }

    /** Arrivals following the profile with Gamma(cv) gaps, ending at {@code endS}; seconds, infinity at the end. */
    DoubleSupplier arrivals(double cv, double endS, RandomGenerator rng) {
        double[] rates = ratesPerS.stream().mapToDouble(Double::doubleValue).toArray();
        if (exactCounts) return new CountedArrivals(rates, bucketS, endS, cv, rng)::next;
        GammaSampler unit = new GammaSampler(1, cv);
        return new PiecewiseArrivals(rates, bucketS, 0, Double.POSITIVE_INFINITY, (b, r) -> unit.sample(r), rng)::next;
    }
}
