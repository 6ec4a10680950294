package dev.servelab.hw.jvm;

/**
 * One metric over N live runs of the same pipeline and seed against its simulated value: the live mean,
 * the run-to-run range (min–max), and a 95 % interval for one live run, mean ± t(0.975, N − 1) · s · √(1 + 1/N)
 * (Student's t prediction interval, s the sample standard deviation of the N runs). The simulation is
 * {@link #inside()} the live spread when it lies in that interval — the question a single live run cannot
 * answer, since live runs themselves vary by several percent. With one run the interval is undefined (NaN)
 * and {@code inside} falls back to equality with that run.
 */
public record LiveSpread(String metric, int runs, double liveMean, double liveMin, double liveMax, double low95,
                         double high95, double sim) {
    /** Two-sided 97.5 % quantiles of Student's t for 1..30 degrees of freedom. */
    private static final double[] T975 = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
        2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060,
        2.056, 2.052, 2.048, 2.045, 2.042};

    /** The spread of {@code live} (one value per run, NaN entries skipped) around {@code sim}. */
    public static LiveSpread of(String metric, double[] live, double sim) {
        int n = 0;
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : live) {
            if (Double.isNaN(v)) continue;
            n++;
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (n == 0) return new LiveSpread(metric, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, sim);
        double mean = sum / n;
        double ss = 0;
        for (double v : live) if (!Double.isNaN(v)) ss += (v - mean) * (v - mean);
        double half = n < 2 ? Double.NaN : t975(n - 1) * Math.sqrt(ss / (n - 1)) * Math.sqrt(1 + 1.0 / n);
        return new LiveSpread(metric, n, mean, min, max, mean - half, mean + half, sim);
    }

    /** Student's t 97.5 % quantile for {@code df} degrees of freedom (1.96 beyond 30). */
    static double t975(int df) {
        return df <= T975.length ? T975[df - 1] : 1.96;
    }

    /** Whether the simulated value lies in the live 95 % interval (or equals the single live run). */
    public boolean inside() {
        if (runs < 2) return sim == liveMean;
        return sim >= low95 && sim <= high95;
    }

    /** Whether the simulated value lies within the observed min–max of the live runs. */
    public boolean insideRange() {
        return sim >= liveMin && sim <= liveMax;
    }

    /** The simulation's error against the live mean, in percent (0 when the mean is 0). */
    public double errorPct() {
        return liveMean == 0 ? 0 : 100 * (sim - liveMean) / liveMean;
    }
}
