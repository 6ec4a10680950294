package dev.servelab.hw.remote;

/**
 * Hears a remote request's progress, on the client thread reading its stream. Arrival times are
 * {@link System#nanoTime()} values; {@link RemoteEventInbox} converts them to run time.
 */
public interface RemoteTokenListener {
    /** Token {@code index} (from 0) of {@code requestId} arrived at {@code arrivalNanos}. */
    void onToken(long requestId, int index, long arrivalNanos);

    /** The request ended, completed or failed; {@code record} holds every token time and the error if any. */
    void onEnd(StreamRecord record);
}
