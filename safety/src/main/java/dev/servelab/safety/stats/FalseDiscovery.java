package dev.servelab.safety.stats;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The Benjamini–Hochberg step-up adjustment (Benjamini &amp; Hochberg, JRSS B 1995) over the metrics of
 * one comparison. A comparison tests some thirty metrics at once; without an adjustment two identical
 * pipelines would get at least one "better" or "worse" in most comparisons. When nothing changed,
 * rejecting where the adjusted p-value is below 0.05 keeps the chance of any false verdict at 5 %;
 * when something did change, it keeps the expected share of false verdicts among the flagged metrics
 * at 5 % while still flagging the many metrics a real change moves together.
 */
public final class FalseDiscovery {
    private FalseDiscovery() {
    }

    /** Adjusted p-values, in the order of {@code pValues} (NaN entries stay NaN and do not count). */
    public static double[] adjust(double[] pValues) {
        Integer[] order = java.util.stream.IntStream.range(0, pValues.length).filter(i -> !Double.isNaN(pValues[i]))
                .boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
        int m = order.length;
        double[] out = new double[pValues.length];
        Arrays.fill(out, Double.NaN);
        double running = 1.0;
        for (int k = m - 1; k >= 0; k--) {
            int i = order[k];
            running = Math.min(running, pValues[i] * m / (k + 1));
            out[i] = Math.min(1.0, running);
        }
        return out;
    }
}
