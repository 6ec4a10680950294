package dev.servelab.plugins.traceprofile;

/**
 * What {@code servelab trace stats} reports.
 *
 * @param count               requests
 * @param durationS           first to last arrival, seconds
 * @param meanRatePerS        requests per second over the span
 * @param interarrivalCv      coefficient of variation of inter-arrival gaps (1 for Poisson)
 * @param peakMinuteRequests  requests in the busiest minute (counted from the first request)
 * @param peakMinute          that minute's index
 * @param prefixBlockHitRatio unlimited-cache prefix hit ratio over blocks, or null without hashes
 * @param prefixTokenHitRatio the same over prompt tokens, or null
 */
public record TraceStats(long count, double durationS, LengthSummary input, LengthSummary output,
                         double meanRatePerS, double interarrivalCv, int peakMinuteRequests, int peakMinute,
                         Double prefixBlockHitRatio, Double prefixTokenHitRatio) {

    public double peakMinuteRatePerS() {
        return peakMinuteRequests / 60.0;
    }
}
