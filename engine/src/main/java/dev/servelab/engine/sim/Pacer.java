package dev.servelab.engine.sim;

/**
 * Relates event time to wall time: the only difference, besides the executor, between a simulated
 * and a live run. {@link #VIRTUAL} jumps straight to the next event; {@link WallClockPacer} waits
 * until the event's time has come on the wall clock.
 */
@FunctionalInterface
public interface Pacer {
    Pacer VIRTUAL = t -> { };

    /** Returns once it is time to run an event scheduled at {@code eventNanos} (run time, from the start). */
    void awaitEventTime(long eventNanos);
}
