package dev.servelab.app.cache;

import dev.servelab.app.sla.Curve;

/**
 * One replica's KV-cache usage (%) over a range of buckets, reduced to at most {@code maxPoints} points,
 * each the peak of the buckets it covers (so a short spike stays visible when an hour is shown).
 */
final class KvLine {
    private KvLine() {
    }

    static Curve of(String name, double[] usage, int from, int to, double bucketSeconds, int maxPoints) {
        int n = Math.max(0, to - from);
        int points = Math.min(n, maxPoints);
        double[] x = new double[points], y = new double[points];
        for (int p = 0; p < points; p++) {
            int a = from + (int) ((long) p * n / points), b = from + (int) ((long) (p + 1) * n / points);
            double peak = 0;
            for (int k = a; k < Math.max(b, a + 1); k++) peak = Math.max(peak, usage[k]);
            x[p] = ((a + Math.max(b, a + 1)) / 2.0) * bucketSeconds;
            y[p] = peak * 100;
        }
        return new Curve(name, x, y);
    }
}
