package dev.servelab.hw.remote;

/** Ordinary least squares {@code y = intercept + slope · x}; the slope is clamped at zero (costs never fall with load). */
public record LinearFit(double intercept, double slope) {
    public static LinearFit of(double[] x, double[] y) {
        int n = x.length;
        if (n == 0) return new LinearFit(0, 0);
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i] / n;
            my += y[i] / n;
        }
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (y[i] - my);
        }
        double slope = sxx == 0 ? 0 : Math.max(0, sxy / sxx);
        return new LinearFit(my - slope * mx, slope);
    }

    public double at(double x) {
        return intercept + slope * x;
    }
}
