package dev.servelab.engine.workload;

import dev.servelab.engine.spi.Setting;

import java.util.random.RandomGenerator;

/**
 * A token-length distribution for synthetic workloads, clamped to {@code [min, max]}.
 * {@code fixed}: always {@code mean}; {@code uniform}: uniform on [min, max];
 * {@code exponential}: mean {@code mean}; {@code lognormal}: mean {@code mean} and coefficient of
 * variation {@code cv} (σ² = ln(1 + cv²), μ = ln(mean) − σ²/2); {@code random}: vLLM's {@code random} dataset,
 * uniform integers on [⌊mean·(1 − range_ratio)⌋, ⌈mean·(1 + range_ratio)⌉] ({@code --random-input-len},
 * {@code --random-range-ratio}; range_ratio 0 = always {@code mean}), then clamped to [min, max].
 */
public record LengthSpec(
        @Setting(summary = "fixed, uniform, exponential, lognormal or random (vLLM's random dataset)") String dist,
        @Setting(summary = "mean length", unit = "tokens", min = 1) double mean,
        @Setting(summary = "coefficient of variation (lognormal)", min = 0) double cv,
        @Setting(summary = "smallest length", unit = "tokens", min = 1) int min,
        @Setting(summary = "largest length", unit = "tokens", min = 1) int max,
        @Setting(summary = "random: lengths uniform within mean ± this fraction (vLLM --random-range-ratio)", min = 0, max = 1)
        double rangeRatio) {

    /** A distribution without a range ratio (every dist but {@code random}). */
    public LengthSpec(String dist, double mean, double cv, int min, int max) {
        this(dist, mean, cv, min, max, 0);
    }

    public LengthSpec {
        if (dist == null) dist = "lognormal";
        if (!java.util.Set.of("fixed", "uniform", "exponential", "lognormal", "random").contains(dist)) {
            throw new IllegalArgumentException("dist must be fixed, uniform, exponential, lognormal or random, was '" + dist + "'");
        }
        if (rangeRatio < 0 || rangeRatio > 1) throw new IllegalArgumentException("range_ratio must be in [0, 1], was " + rangeRatio);
        if (max < min) throw new IllegalArgumentException("max (" + max + ") < min (" + min + ")");
    }

    public int sample(RandomGenerator rng) {
        long n = switch (dist) {
            case "fixed" -> Math.round(mean);
            case "uniform" -> min + (long) Math.floor(rng.nextDouble() * (max - min + 1L));
            case "exponential" -> Math.round(rng.nextExponential() * mean);
            case "random" -> randomDataset(rng);
            default -> Math.round(lognormal(rng));
        };
        return (int) Math.max(min, Math.min(max, n));
    }

    private long randomDataset(RandomGenerator rng) {
        long low = Math.max(1, (long) Math.floor(mean * (1 - rangeRatio)));
        long high = Math.max(low, (long) Math.ceil(mean * (1 + rangeRatio)));
        return low + (long) Math.floor(rng.nextDouble() * (high - low + 1));
    }

    private double lognormal(RandomGenerator rng) {
        double sigma2 = Math.log(1 + cv * cv);
        double mu = Math.log(mean) - sigma2 / 2;
        return Math.exp(mu + Math.sqrt(sigma2) * rng.nextGaussian());
    }
}
