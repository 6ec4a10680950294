package dev.servelab.hw.remote;

import java.time.Duration;

/**
 * Client time limits: to open the connection, to receive the response headers (queueing at the
 * endpoint included), and for the whole streamed response.
 */
public record Timeouts(Duration connect, Duration responseHeaders, Duration wholeStream) {
    public Timeouts {
        for (Duration d : new Duration[] {connect, responseHeaders, wholeStream}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("timeouts must be positive: " + connect + ", " + responseHeaders
                        + ", " + wholeStream);
            }
        }
    }

    /** 5 s to connect, 60 s to the headers, 10 min per stream. */
    public static Timeouts defaults() {
        return new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofMinutes(10));
    }

    public static Timeouts ofMillis(long connectMs, long headersMs, long streamMs) {
        return new Timeouts(Duration.ofMillis(connectMs), Duration.ofMillis(headersMs), Duration.ofMillis(streamMs));
    }
}
