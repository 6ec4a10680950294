package dev.servelab.plugins.trace;

import dev.servelab.engine.workload.TraceLines;

/**
 * Makes absolute trace timestamps relative to the first row and rejects rows that go back in time,
 * since a {@link dev.servelab.engine.spi.RequestStream} is in non-decreasing arrival order.
 */
final class ArrivalClock {
    private final TraceLines lines;
    private long firstNanos = Long.MIN_VALUE;
    private long previousNanos = Long.MIN_VALUE;

    ArrivalClock(TraceLines lines) {
        this.lines = lines;
    }

    /** The arrival of a row stamped {@code absoluteNanos}, relative to the first row. */
    long relative(long absoluteNanos, String shown) {
        if (firstNanos == Long.MIN_VALUE) firstNanos = absoluteNanos;
        if (absoluteNanos < previousNanos) {
            throw lines.error("timestamp " + shown + " is earlier than the previous row's (rows must be in arrival order)");
        }
        previousNanos = absoluteNanos;
        return absoluteNanos - firstNanos;
    }
}
