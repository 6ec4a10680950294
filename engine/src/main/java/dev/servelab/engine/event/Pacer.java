package dev.servelab.engine.event;

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

    /** Wall nanoseconds until an event at {@code eventNanos} is due; 0 or less when due (always, in simulation). */
    default long wallNanosUntil(long eventNanos) {
        return 0;
    }
}
