package dev.servelab.plugins.workload;

import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.spi.Setting;
import dev.servelab.engine.workload.LengthSpec;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * A token-length distribution for the {@code workload.*} generators, clamped to {@code [min, max]}:
 * everything {@link LengthSpec} offers ({@code fixed}, {@code uniform}, {@code exponential},
 * {@code lognormal} with {@code mean} and {@code cv}), plus {@code zipf} (P(n) ∝ (n − min + 1)^−s on
 * [min, max], s = {@code zipf_s}) and {@code empirical}: either an inverse-CDF table {@code quantiles}
 * (values at equally spaced probabilities 0…1, interpolated linearly, as {@code trace fit} writes) or
 * the lengths of a trace ({@code trace}, a path relative to the pipeline; {@code field} input or output).
 * Numbers are boxed so that a distribution inside a list (a tenant's) may leave keys out: missing
 * keys get defaults (mean 1000, cv 1, min 1, no max, zipf_s 1.2).
 */
public record LengthDistribution(
        @Setting(summary = "fixed, uniform, exponential, lognormal, zipf or empirical") String dist,
        @Setting(summary = "mean length", unit = "tokens", min = 1) Double mean,
        @Setting(summary = "coefficient of variation (lognormal)", min = 0) Double cv,
        @Setting(summary = "smallest length", unit = "tokens", min = 1) Integer min,
        @Setting(summary = "largest length", unit = "tokens", min = 1) Integer max,
        @Setting(summary = "Zipf exponent s (zipf)", min = 0) Double zipfS,
        @Setting(summary = "inverse-CDF table at equally spaced probabilities (empirical)", unit = "tokens") List<Double> quantiles,
        @Setting(summary = "trace whose lengths to resample (empirical)") String trace,
        @Setting(summary = "which lengths of that trace: input or output (empirical; default: the role of this distribution)") String field) {

    static final Set<String> KINDS = Set.of("fixed", "uniform", "exponential", "lognormal", "zipf", "empirical");

    public LengthDistribution {
        if (dist == null) dist = "lognormal";
        if (!KINDS.contains(dist)) throw new ServeLabException("dist must be one of " + String.join(", ", KINDS.stream().sorted().toList()) + ", was '" + dist + "'");
        if (mean != null && !(mean > 0)) throw new ServeLabException("mean must be > 0, was " + mean);
        if (cv != null && !(cv >= 0)) throw new ServeLabException("cv must be >= 0, was " + cv);
        if (min != null && min < 1) throw new ServeLabException("min must be >= 1, was " + min);
        if (min != null && max != null && max < min) throw new ServeLabException("max (" + max + ") < min (" + min + ")");
        if (mean == null) mean = 1000.0;
        if (cv == null || cv < 0) cv = 1.0;
        if (min == null || min < 1) min = 1;
        if (max == null || max < min) max = Integer.MAX_VALUE;
        if (zipfS == null || zipfS <= 0) zipfS = 1.2;
        if (field != null && !field.equals("input") && !field.equals("output")) {
            throw new ServeLabException("field must be input or output, was '" + field + "'");
        }
        if (dist.equals("empirical") && (quantiles == null || quantiles.size() < 2) && trace == null) {
            throw new ServeLabException("an empirical length distribution needs 'quantiles' (at least 2) or a 'trace'");
        }
    }

    public static LengthDistribution lognormal(double mean, double cv, int min, int max) {
        return new LengthDistribution("lognormal", mean, cv, min, max, null, null, null, null);
    }

    public static LengthDistribution fixed(int tokens) {
        return new LengthDistribution("fixed", (double) tokens, 0.0, 1, Integer.MAX_VALUE, null, null, null, null);
    }

    public static LengthDistribution empirical(List<Double> quantiles) {
        return new LengthDistribution("empirical", 1.0, 0.0, 1, Integer.MAX_VALUE, null, quantiles, null, null);
    }

    /**
     * A sampler for this distribution; {@code baseDir} resolves an empirical {@code trace}, whose
     * {@code field} defaults to {@code role} (input for prompt-like lengths, output for answers).
     */
    public LengthSampler sampler(Path baseDir, String role) {
        LengthSampler raw = switch (dist) {
            case "zipf" -> new ZipfLengths(min, max == Integer.MAX_VALUE ? Math.max(min, 100_000) : max, zipfS);
            case "empirical" -> quantiles != null && quantiles.size() >= 2 ? QuantileLengths.of(quantiles)
                    : QuantileLengths.ofTrace(baseDir == null ? Path.of(trace) : baseDir.resolve(trace), field != null ? field : role);
            default -> new LengthSpec(dist, mean, cv, min, max)::sample;
        };
        return rng -> Math.max(min, Math.min(max, raw.sample(rng)));
    }
}
