package dev.servelab.plugins.tracecli;

import dev.servelab.plugins.traceprofile.LengthSummary;
import dev.servelab.plugins.traceprofile.TraceStats;

import java.util.Locale;

/** The human-readable table of {@code trace stats}. */
final class StatsFormat {
    private StatsFormat() {
    }

    static String table(String source, TraceStats s) {
        StringBuilder b = new StringBuilder();
        row(b, "trace", source);
        row(b, "requests", String.format(Locale.ROOT, "%,d", s.count()));
        row(b, "duration", String.format(Locale.ROOT, "%,.1f s (%.2f h)", s.durationS(), s.durationS() / 3600));
        row(b, "input tokens", lengths(s.input()));
        row(b, "output tokens", lengths(s.output()));
        row(b, "arrival rate", String.format(Locale.ROOT, "mean %.2f req/s, inter-arrival CV %.2f", s.meanRatePerS(), s.interarrivalCv()));
        row(b, "peak minute", String.format(Locale.ROOT, "%,d req (%.2f req/s), minute %d", s.peakMinuteRequests(),
                s.peakMinuteRatePerS(), s.peakMinute()));
        if (s.prefixBlockHitRatio() != null) {
            row(b, "prefix reuse", String.format(Locale.ROOT, "%.1f %% of blocks, %.1f %% of prompt tokens (unlimited cache)",
                    100 * s.prefixBlockHitRatio(), 100 * s.prefixTokenHitRatio()));
        }
        return b.toString();
    }

    private static String lengths(LengthSummary l) {
        return String.format(Locale.ROOT, "mean %,.1f  p50 %,.0f  p90 %,.0f  p99 %,.0f  (min %,d, max %,d)",
                l.mean(), l.p50(), l.p90(), l.p99(), l.min(), l.max());
    }

    private static void row(StringBuilder b, String key, String value) {
        b.append(String.format(Locale.ROOT, "%-15s %s%n", key, value));
    }
}
