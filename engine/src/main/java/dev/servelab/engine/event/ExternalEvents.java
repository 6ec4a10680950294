package dev.servelab.engine.event;

/**
 * Results produced off the event-loop thread (remote endpoints' tokens and ends) that the loop
 * applies between its own events. With such a source the loop waits on it instead of parking until
 * the next event is due, and does not end while it still expects results.
 */
public interface ExternalEvents {
    /** Applies, on the loop thread, every result that has arrived so far. */
    void applyArrived();

    /** Waits up to {@code waitNanos} of wall time for a result and applies it (and any others queued) if one came. */
    void awaitAndApply(long waitNanos) throws InterruptedException;

    /** Whether results are still expected (requests in flight). */
    boolean pending();
}
