package dev.servelab.engine.spi;

import dev.servelab.engine.model.Request;

/**
 * A request stream fed from other threads while a live run goes on (the edge agent's HTTP handlers):
 * requests arrive when clients send them, not at trace times, so the event loop does not pull them
 * but waits on {@link #poll} between its own events and stamps each with the wall clock's run time on
 * arrival. Besides new requests the stream delivers stop notices: a request whose client went away or
 * that produced its end-of-sequence token ends after its current iteration, before its output
 * length, and frees its KV blocks. The loop keeps running, idle, while the stream {@link #isOpen()}.
 */
public interface LiveRequestStream extends RequestStream {
    /** A new request (its arrival time is replaced by the run time it is taken at), or a stop notice. */
    record Input(Request request, long stopRequestId) {
        public static Input arrival(Request request) {
            return new Input(request, -1);
        }

        public static Input stop(long requestId) {
            return new Input(null, requestId);
        }

        public boolean isStop() {
            return request == null;
        }
    }

    /** The next input, waiting up to {@code waitNanos} of wall time (0: not at all); null when none came. */
    Input poll(long waitNanos) throws InterruptedException;

    /** Whether more input can come; false once the stream is closed. */
    boolean isOpen();

    /** Live streams are not pulled; the loop polls them ({@link #poll}). */
    @Override
    default Request next() {
        throw new UnsupportedOperationException("a live request stream is polled by the event loop, not pulled");
    }
}
