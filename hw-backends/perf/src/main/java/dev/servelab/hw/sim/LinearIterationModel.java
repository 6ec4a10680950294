package dev.servelab.hw.sim;

import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

import java.util.List;

/**
 * Iteration time as a linear function of the batch's shape, fitted by ordinary least squares to
 * measured iterations: {@code base + a·prefill tokens + b·decode tokens + c·attention pairs +
 * d·KV tokens touched} (all in nanoseconds). For a backend whose cost is dominated by dense matmuls
 * (proportional to tokens), attention (proportional to query-key pairs) and KV traffic, this is the
 * operator-level roofline collapsed to the terms that vary between iterations.
 */
public record LinearIterationModel(double baseNanos, double perPrefillTokenNanos, double perDecodeTokenNanos,
                                   double perAttentionPairNanos, double perKvTokenNanos, double r2, int samples) {

    /** One measured iteration. */
    public record Sample(int prefillTokens, int decodeTokens, long attentionPairs, long kvTokensTouched,
                         long measuredNanos) {
        double[] features() {
            return new double[]{prefillTokens, decodeTokens, attentionPairs, kvTokensTouched};
        }
    }

    public double predictNanos(int prefillTokens, int decodeTokens, long attentionPairs, long kvTokensTouched) {
        return baseNanos + perPrefillTokenNanos * prefillTokens + perDecodeTokenNanos * decodeTokens
                + perAttentionPairNanos * attentionPairs + perKvTokenNanos * kvTokensTouched;
    }

    /**
     * Non-negative least-squares fit (active set: a term whose coefficient comes out negative is dropped
     * and the rest refitted, since no cost can make an iteration faster; a term that is zero in every
     * sample is left out); needs varied shapes.
     */
    public static LinearIterationModel fit(List<Sample> samples) {
        double[] weights = new double[samples.size()];
        java.util.Arrays.fill(weights, 1);
        return fit(samples, weights);
    }

    /**
     * As {@link #fit(List)}, but robust to outliers (iterations stretched by a GC pause, a JIT
     * compilation or another process taking the CPU): Huber's M-estimator by iteratively reweighted
     * least squares (Huber, "Robust Estimation of a Location Parameter", 1964; k = 1.345 times the
     * residuals' scaled median absolute deviation). The fit then describes the typical iteration,
     * not one inflated by the rare slow ones.
     */
    public static LinearIterationModel fitRobust(List<Sample> samples) {
        double[] weights = new double[samples.size()];
        java.util.Arrays.fill(weights, 1);
        LinearIterationModel m = fit(samples, weights);
        for (int round = 0; round < 20; round++) {
            double[] residuals = new double[samples.size()];
            for (int i = 0; i < residuals.length; i++) residuals[i] = samples.get(i).measuredNanos() - m.predict(samples.get(i));
            double scale = 1.4826 * medianAbs(residuals);
            if (scale <= 0) break;
            for (int i = 0; i < residuals.length; i++) {
                weights[i] = Math.min(1, 1.345 * scale / Math.max(1e-9, Math.abs(residuals[i])));
            }
            LinearIterationModel next = fit(samples, weights);
            boolean converged = Math.abs(next.baseNanos - m.baseNanos) < 1 && Math.abs(next.perPrefillTokenNanos - m.perPrefillTokenNanos) < 1e-3
                    && Math.abs(next.perDecodeTokenNanos - m.perDecodeTokenNanos) < 1e-3;
            m = next;
            if (converged) break;
        }
        return m;
    }

    private static double medianAbs(double[] values) {
        double[] a = new double[values.length];
        for (int i = 0; i < a.length; i++) a[i] = Math.abs(values[i]);
        java.util.Arrays.sort(a);
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }

    private double predict(Sample s) {
        return predictNanos(s.prefillTokens(), s.decodeTokens(), s.attentionPairs(), s.kvTokensTouched());
    }

    private static LinearIterationModel fit(List<Sample> samples, double[] weights) {
        if (samples.size() < 6) throw new IllegalArgumentException("need at least 6 samples, got " + samples.size());
        boolean[] active = new boolean[4];
        for (Sample sample : samples) {
            double[] f = sample.features();
            for (int i = 0; i < f.length; i++) active[i] |= f[i] != 0;
        }
        boolean intercept = true;
        while (true) {
            double[] b = ols(samples, weights, active, intercept);
            if (b[0] < 0) {
                intercept = false;
                continue;
            }
            int worst = -1;
            for (int f = 0, k = 1; f < active.length; f++) {
                if (!active[f]) continue;
                if (b[k] < 0 && (worst < 0 || b[k] < b[indexOf(active, worst)])) worst = f;
                k++;
            }
            if (worst < 0) return expand(samples, active, b);
            active[worst] = false;
        }
    }

    private static int indexOf(boolean[] active, int feature) {
        int k = 1;
        for (int f = 0; f < feature; f++) if (active[f]) k++;
        return k;
    }

    /** Weighted least squares over the active features (rows scaled by the square roots of the weights). */
    private static double[] ols(List<Sample> samples, double[] weights, boolean[] active, boolean intercept) {
        int n = intercept ? 1 : 0;
        for (boolean a : active) if (a) n++;
        if (n == 0) return new double[]{0};
        double[] y = new double[samples.size()];
        double[][] x = new double[samples.size()][n];
        for (int i = 0; i < y.length; i++) {
            double w = Math.sqrt(weights[i]);
            y[i] = w * samples.get(i).measuredNanos();
            double[] all = samples.get(i).features();
            int k = 0;
            if (intercept) x[i][k++] = w;
            for (int f = 0; f < all.length; f++) if (active[f]) x[i][k++] = w * all[f];
        }
        if (n == 1 && !intercept) {
            double xy = 0, xx = 0;
            for (int i = 0; i < y.length; i++) {
                xy += x[i][0] * y[i];
                xx += x[i][0] * x[i][0];
            }
            return new double[]{0, xx == 0 ? 0 : xy / xx};
        }
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.setNoIntercept(true);
        ols.newSampleData(y, x);
        double[] b = ols.estimateRegressionParameters();
        if (intercept) return b;
        double[] withZero = new double[b.length + 1];
        System.arraycopy(b, 0, withZero, 1, b.length);
        return withZero;
    }

    private static LinearIterationModel expand(List<Sample> samples, boolean[] active, double[] b) {
        double[] c = new double[5];
        c[0] = b[0];
        for (int f = 0, k = 1; f < active.length; f++) c[f + 1] = active[f] ? b[k++] : 0;
        LinearIterationModel m = new LinearIterationModel(c[0], c[1], c[2], c[3], c[4], 0, samples.size());
        return new LinearIterationModel(c[0], c[1], c[2], c[3], c[4], rSquared(m, samples), samples.size());
    }

    private static double rSquared(LinearIterationModel m, List<Sample> samples) {
        double mean = samples.stream().mapToLong(Sample::measuredNanos).average().orElse(0);
        double ssRes = 0;
        double ssTot = 0;
        for (Sample s : samples) {
            double e = s.measuredNanos() - m.predictNanos(s.prefillTokens(), s.decodeTokens(), s.attentionPairs(), s.kvTokensTouched());
            ssRes += e * e;
            ssTot += (s.measuredNanos() - mean) * (s.measuredNanos() - mean);
        }
        return ssTot == 0 ? 1 : 1 - ssRes / ssTot;
    }
}
