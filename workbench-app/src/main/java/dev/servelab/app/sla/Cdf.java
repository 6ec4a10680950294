package dev.servelab.app.sla;

import java.util.Arrays;

/** Empirical cumulative distributions and percentiles, down-sampled to a plottable number of points. */
public final class Cdf {
    private Cdf() {
    }

    /** The CDF of the finite values as at most {@code maxPoints} (value, fraction ≤ value) points. */
    public static Curve of(String name, double[] values, int maxPoints) {
        double[] v = finiteSorted(values);
        int n = v.length;
        int k = Math.min(n, Math.max(2, maxPoints));
        double[] x = new double[n == 0 ? 0 : k];
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            int idx = k == 1 ? n - 1 : (int) Math.round((double) i * (n - 1) / (k - 1));
            x[i] = v[idx];
            y[i] = (idx + 1.0) / n;
        }
        return new Curve(name, x, y);
    }

    public static double[] finiteSorted(double[] values) {
        double[] v = Arrays.stream(values).filter(Double::isFinite).toArray();
        Arrays.sort(v);
        return v;
    }

    /** The q-th percentile (0..100) of sorted values (nearest rank), NaN when empty. */
    public static double percentile(double[] sorted, double q) {
        if (sorted.length == 0) return Double.NaN;
        int rank = (int) Math.ceil(q / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
