package dev.servelab.safety.stats;

import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;

/**
 * The two-sided Wilcoxon signed-rank test of paired figures (Wilcoxon, 1945), through commons-math3:
 * exact p-values up to 30 non-zero differences, the normal approximation above. Rounds where both
 * arms measured exactly the same figure carry no sign and are dropped first (Wilcoxon's own
 * treatment; commons-math3 would otherwise count a zero as a negative difference), and with no
 * non-zero difference left the p-value is 1. With n non-zero differences the smallest possible
 * p-value is 2 / 2^n, so fewer than 6 rounds can never reach 0.05.
 */
public final class SignedRankTest {
    private static final int EXACT_UP_TO = 30;

    private SignedRankTest() {
    }

    public static double pValue(double[] baseline, double[] candidate) {
        int n = 0;
        for (int i = 0; i < baseline.length; i++) if (candidate[i] != baseline[i]) n++;
        if (n == 0) return 1.0;
        double[] x = new double[n];
        double[] y = new double[n];
        int j = 0;
        for (int i = 0; i < baseline.length; i++) {
            if (candidate[i] == baseline[i]) continue;
            x[j] = baseline[i];
            y[j++] = candidate[i];
        }
        if (n == 1) return 1.0;
        // commons-math3's exact two-sided p doubles a one-sided tail that, with ties or tiny n, can pass 0.5
        return Math.min(1.0, new WilcoxonSignedRankTest().wilcoxonSignedRankTest(x, y, n <= EXACT_UP_TO));
    }
}
