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
        if (samples.size() < 6) throw new IllegalArgumentException("need at least 6 samples, got " + samples.size());
        boolean[] active = new boolean[4];
        for (Sample sample : samples) {
            double[] f = sample.features();
            for (int i = 0; i < f.length; i++) active[i] |= f[i] != 0;
        }
        boolean intercept = true;
        while (true) {
            double[] b = ols(samples, active, intercept);
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

    private static double[] ols(List<Sample> samples, boolean[] active, boolean intercept) {
        int n = 0;
        for (boolean a : active) if (a) n++;
        double[] y = new double[samples.size()];
        if (n == 0) {
            double mean = samples.stream().mapToLong(Sample::measuredNanos).average().orElse(0);
            return new double[]{Math.max(0, mean)};
        }
        double[][] x = new double[samples.size()][n];
        for (int i = 0; i < y.length; i++) {
            y[i] = samples.get(i).measuredNanos();
            double[] all = samples.get(i).features();
            for (int f = 0, k = 0; f < all.length; f++) if (active[f]) x[i][k++] = all[f];
        }
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.setNoIntercept(!intercept);
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
