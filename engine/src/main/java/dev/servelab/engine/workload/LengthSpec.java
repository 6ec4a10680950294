package dev.servelab.engine.workload;

import dev.servelab.engine.spi.Setting;

import java.util.random.RandomGenerator;

/**
 * A token-length distribution for synthetic workloads, clamped to {@code [min, max]}.
 * {@code fixed}: always {@code mean}; {@code uniform}: uniform on [min, max];
 * {@code exponential}: mean {@code mean}; {@code lognormal}: mean {@code mean} and coefficient of
 * variation {@code cv} (σ² = ln(1 + cv²), μ = ln(mean) − σ²/2).
 */
public record LengthSpec(
        @Setting(summary = "fixed, uniform, exponential or lognormal") String dist,
        @Setting(summary = "mean length", unit = "tokens", min = 1) double mean,
        @Setting(summary = "coefficient of variation (lognormal)", min = 0) double cv,
        @Setting(summary = "smallest length", unit = "tokens", min = 1) int min,
        @Setting(summary = "largest length", unit = "tokens", min = 1) int max) {

    public LengthSpec {
        if (dist == null) dist = "lognormal";
        if (!java.util.Set.of("fixed", "uniform", "exponential", "lognormal").contains(dist)) {
            throw new IllegalArgumentException("dist must be fixed, uniform, exponential or lognormal, was '" + dist + "'");
        }
        if (max < min) throw new IllegalArgumentException("max (" + max + ") < min (" + min + ")");
    }

    public int sample(RandomGenerator rng) {
        long n = switch (dist) {
            case "fixed" -> Math.round(mean);
            case "uniform" -> min + (long) Math.floor(rng.nextDouble() * (max - min + 1L));
            case "exponential" -> Math.round(rng.nextExponential() * mean);
            default -> Math.round(lognormal(rng));
        };
        return (int) Math.max(min, Math.min(max, n));
    }

    private double lognormal(RandomGenerator rng) {
        double sigma2 = Math.log(1 + cv * cv);
        double mu = Math.log(mean) - sigma2 / 2;
        return Math.exp(mu + Math.sqrt(sigma2) * rng.nextGaussian());
    }
}
