package dev.servelab.engine.spi;

import dev.servelab.engine.model.Request;

import java.io.IOException;

/**
 * A pull stream of requests in non-decreasing arrival order, read lazily so that a trace of
 * millions of lines is never held in memory. Malformed input is reported with a
 * {@link dev.servelab.engine.ServeLabException} naming the file and line.
 */
public interface RequestStream extends AutoCloseable {
    /** The next request, or {@code null} at the end. */
    Request next() throws IOException;

    /** How the stream's clients send: open loop unless a closed-loop workload (or {@code run --max-concurrency}) says otherwise. */
    default ClientLoop clients() {
        return ClientLoop.OPEN;
    }

    @Override
    default void close() throws IOException {
    }
}
