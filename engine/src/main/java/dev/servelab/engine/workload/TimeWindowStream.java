package dev.servelab.engine.workload;

import dev.servelab.engine.model.Request;
import dev.servelab.engine.spi.RequestStream;

import java.io.IOException;

/**
 * Keeps the requests arriving in {@code [startNanos, endNanos)} and shifts them so that the window
 * starts at time 0. Stops reading at the first arrival past the window (the input is in arrival order).
 */
public final class TimeWindowStream implements RequestStream {
    private final RequestStream inner;
    private final long startNanos;
    private final long endNanos;
    private boolean done;

    public TimeWindowStream(RequestStream inner, long startNanos, long endNanos) {
        if (startNanos < 0 || endNanos <= startNanos) {
            throw new IllegalArgumentException("time window must have 0 <= start < end, was [" + startNanos + ", " + endNanos + ")");
        }
        this.inner = inner;
        this.startNanos = startNanos;
        this.endNanos = endNanos;
    }

    @Override
    public Request next() throws IOException {
        while (!done) {
            Request r = inner.next();
            if (r == null || r.arrivalNanos() >= endNanos) {
                done = true;
            } else if (r.arrivalNanos() >= startNanos) {
                return r.withIdAndArrival(r.id(), r.arrivalNanos() - startNanos);
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        inner.close();
    }
}
