package dev.servelab.plugins.rollout;

import java.util.Arrays;
import java.util.List;

/**
 * The latencies of one side (baseline or candidate pool) of one rollout stage, from the requests that
 * arrived in the stage and have finished: TTFT (arrival to first token), TPOT ((E2EL − TTFT) / (output
 * tokens − 1)) and E2EL, in milliseconds. {@link #figure} gives the metrics a canary's gate may name.
 */
final class StageSamples {
    /** The metric keys a canary gate may use (spelled as {@code run --json} spells them). */
    static final List<String> METRICS = List.of(
            "mean_ttft_ms", "median_ttft_ms", "p50_ttft_ms", "p90_ttft_ms", "p95_ttft_ms", "p99_ttft_ms",
            "mean_tpot_ms", "median_tpot_ms", "p50_tpot_ms", "p90_tpot_ms", "p95_tpot_ms", "p99_tpot_ms",
            "mean_e2el_ms", "median_e2el_ms", "p50_e2el_ms", "p90_e2el_ms", "p95_e2el_ms", "p99_e2el_ms");

    private double[] ttft = new double[16];
    private double[] tpot = new double[16];
    private double[] e2el = new double[16];
    private int n;
    private int nTtft;
    private int nTpot;

    /** One request; {@code ttftMs} NaN when its first token was not seen (then no TTFT and no TPOT sample). */
    void add(double ttftMs, double e2elMs, int outputTokens) {
        if (n == e2el.length) e2el = Arrays.copyOf(e2el, 2 * n);
        e2el[n++] = e2elMs;
        if (Double.isNaN(ttftMs)) return;
        if (nTtft == ttft.length) ttft = Arrays.copyOf(ttft, 2 * nTtft);
        ttft[nTtft++] = ttftMs;
        if (outputTokens > 1) {
            if (nTpot == tpot.length) tpot = Arrays.copyOf(tpot, 2 * nTpot);
            tpot[nTpot++] = (e2elMs - ttftMs) / (outputTokens - 1);
        }
    }

    StageSamples copy() {
        StageSamples c = new StageSamples();
        c.ttft = ttft.clone();
        c.tpot = tpot.clone();
        c.e2el = e2el.clone();
        c.n = n;
        c.nTtft = nTtft;
        c.nTpot = nTpot;
        return c;
    }

    int count() {
        return n;
    }

    /** One of {@link #METRICS}; NaN without samples. */
    double figure(String metric) {
        String[] parts = metric.split("_");
        double[] xs = switch (parts[1]) {
            case "ttft" -> Arrays.copyOf(ttft, nTtft);
            case "tpot" -> Arrays.copyOf(tpot, nTpot);
            default -> Arrays.copyOf(e2el, n);
        };
        if (xs.length == 0) return Double.NaN;
        if (parts[0].equals("mean")) return Arrays.stream(xs).average().orElse(Double.NaN);
        Arrays.sort(xs);
        double q = switch (parts[0]) {
            case "median", "p50" -> 0.50;
            case "p90" -> 0.90;
            case "p95" -> 0.95;
            default -> 0.99;
        };
        double h = (xs.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(xs.length - 1, lo + 1);
        return xs[lo] + (h - lo) * (xs[hi] - xs[lo]);
    }
}
