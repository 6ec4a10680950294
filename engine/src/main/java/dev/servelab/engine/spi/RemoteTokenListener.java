package dev.servelab.engine.spi;

/**
 * Hears a remote request's progress, on the endpoint's thread reading its stream. Arrival times are
 * {@link System#nanoTime()} values; the engine converts them to run time on its wall-clock pacer's scale.
 */
public interface RemoteTokenListener {
    /** Token {@code index} (from 0) of {@code requestId} arrived at {@code arrivalNanos}. */
    void onToken(long requestId, int index, long arrivalNanos);

    /** The request ended, completed or failed; called once per request, after its last token. */
    void onEnd(RemoteEnd end);
}
