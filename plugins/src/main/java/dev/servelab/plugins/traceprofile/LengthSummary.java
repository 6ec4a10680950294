package dev.servelab.plugins.traceprofile;

/** Summary of a token-length distribution (percentiles linearly interpolated). */
public record LengthSummary(double mean, double p50, double p90, double p99, int min, int max) {
    static LengthSummary of(TokenHistogram h) {
        return new LengthSummary(h.mean(), h.quantile(0.5), h.quantile(0.9), h.quantile(0.99), h.min(), h.max());
    }
}
