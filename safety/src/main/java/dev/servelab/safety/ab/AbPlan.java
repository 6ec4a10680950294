package dev.servelab.safety.ab;

import dev.servelab.engine.ServeLabException;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code servelab ab} was asked: the two pipelines, an optional trace (with its format, null to
 * sniff it), the number of rounds, the trace window per round in seconds (0: every round replays the
 * whole trace or workload) and the workload seeds (empty: the baseline's seed, +1 per round).
 */
public record AbPlan(Path baseline, Path candidate, Path trace, String format, int rounds, double windowS,
                     List<Long> seeds) {
    public static final int DEFAULT_ROUNDS = 10;

    public AbPlan {
        seeds = List.copyOf(seeds);
        if (rounds < 2) throw new ServeLabException("--rounds must be >= 2, was " + rounds);
        if (!seeds.isEmpty() && seeds.size() != rounds) {
            throw new ServeLabException("--seeds gives " + seeds.size() + " seeds for " + rounds + " rounds; give one per round");
        }
        if (windowS < 0 || Double.isNaN(windowS)) throw new ServeLabException("--window must be > 0");
        if (windowS > 0 && trace == null) throw new ServeLabException("--window needs --trace (rounds replay consecutive windows of it)");
        if (format != null && trace == null) throw new ServeLabException("--format needs --trace");
    }

    /** The workload seed of round {@code i} (0-based). */
    public long seed(int i, long pipelineSeed) {
        return seeds.isEmpty() ? pipelineSeed + i : seeds.get(i);
    }

    /** Parses a duration such as {@code 600}, {@code 600s}, {@code 10m}, {@code 1h} or {@code 1500ms} into seconds. */
    public static double parseWindow(String text) {
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        double scale = 1;
        if (t.endsWith("ms")) {
            scale = 1e-3;
            t = t.substring(0, t.length() - 2);
        } else if (t.endsWith("s")) {
            t = t.substring(0, t.length() - 1);
        } else if (t.endsWith("m")) {
            scale = 60;
            t = t.substring(0, t.length() - 1);
        } else if (t.endsWith("h")) {
            scale = 3600;
            t = t.substring(0, t.length() - 1);
        }
        try {
            double v = Double.parseDouble(t.strip()) * scale;
            if (v > 0 && Double.isFinite(v)) return v;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ServeLabException("--window: expected a duration such as 600s, 10m or 1h, found " + text);
    }
}
