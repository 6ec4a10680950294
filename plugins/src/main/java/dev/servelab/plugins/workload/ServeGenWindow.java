package dev.servelab.plugins.workload;

/**
 * One row of a ServeGen {@code chunk-<i>-trace.csv}: a client's 10-minute window with its mean rate,
 * inter-arrival CV and fitted distribution ({@code Gamma} with shape and scale in seconds,
 * {@code Weibull} with shape and scale, or empty when the client is idle).
 */
record ServeGenWindow(double startS, double ratePerS, double cv, String pattern, double shape, double scale) {
    static final double LENGTH_S = 600;

    boolean active() {
        return ratePerS > 0 && !pattern.isEmpty();
    }
}
