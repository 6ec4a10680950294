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
        long relative;
        try {
            relative = Math.subtractExact(absoluteNanos, firstNanos);
        } catch (ArithmeticException e) {
            relative = Long.MAX_VALUE;
        }
        if (relative > MAX_SPAN_NANOS) {
            throw lines.error("timestamp " + shown + " is more than " + MAX_SPAN_YEARS + " years after the first row's");
        }
        return relative;
    }

    /**
     * The longest span a trace may cover: arrivals plus the run's own durations must stay inside the
     * event loop's signed 64-bit nanosecond clock (2^63 ns is about 292 years), so a trace may span 2^62 ns.
     */
    static final long MAX_SPAN_NANOS = 1L << 62;
    static final long MAX_SPAN_YEARS = MAX_SPAN_NANOS / 31_557_600_000_000_000L;

    /**
     * A timestamp in {@code unit}s (a finite number, already checked {@code >= 0}) as nanoseconds,
     * refusing values whose nanoseconds would not fit instead of letting them saturate.
     */
    long nanos(double value, double nanosPerUnit, String column, String shown) {
        double nanos = value * nanosPerUnit;
        if (!(nanos < MAX_SPAN_NANOS)) {
            throw lines.error(column + " " + shown + " is too large: at most " + (long) (MAX_SPAN_NANOS / nanosPerUnit)
                    + " (" + MAX_SPAN_YEARS + " years)");
        }
        return Math.round(nanos);
    }
}
