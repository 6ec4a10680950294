package dev.servelab.safety.stats;

/**
 * One metric of an A/B comparison: the means over rounds of both arms, their difference (candidate −
 * baseline, the mean paired difference) with its 95 % bootstrap interval, also relative to the
 * baseline's mean in percent, the signed-rank p-value, the p-value adjusted across the comparison's
 * metrics, and the verdict. The difference is significant when the adjusted p-value is below
 * {@link #ALPHA} and the interval excludes zero.
 */
public record MetricComparison(String metric, boolean lowerIsBetter, double baseline, double candidate,
                               double difference, double ciLow, double ciHigh, double differencePct, double pValue,
                               double pAdjusted, Verdict verdict) {
    public static final double ALPHA = 0.05;
    public static final double LEVEL = 0.95;

    /** The comparison of one metric before adjustment (the verdict follows from {@link #adjusted}). */
    public static MetricComparison of(String metric, boolean lowerIsBetter, double[] baseline, double[] candidate,
                                      PairedBootstrap bootstrap) {
        double[] d = new double[baseline.length];
        for (int i = 0; i < d.length; i++) d[i] = candidate[i] - baseline[i];
        double b = mean(baseline);
        double c = mean(candidate);
        double diff = mean(d);
        double[] ci = bootstrap.interval(d, LEVEL);
        double pct = b == 0 ? Double.NaN : 100 * diff / Math.abs(b);
        double p = SignedRankTest.pValue(baseline, candidate);
        return new MetricComparison(metric, lowerIsBetter, b, c, diff, ci[0], ci[1], pct, p, p,
                Verdict.NO_SIGNIFICANT_DIFFERENCE);
    }

    /** This comparison with the p-value adjusted across the metrics, and its verdict. */
    public MetricComparison adjusted(double pAdjusted) {
        boolean excludesZero = ciLow > 0 || ciHigh < 0;
        boolean significant = pAdjusted < ALPHA && excludesZero;
        return new MetricComparison(metric, lowerIsBetter, baseline, candidate, difference, ciLow, ciHigh, differencePct,
                pValue, pAdjusted, Verdict.of(significant, difference, lowerIsBetter));
    }

    private static double mean(double[] xs) {
        double s = 0;
        for (double x : xs) s += x;
        return s / xs.length;
    }
}
