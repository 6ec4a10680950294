package dev.servelab.engine.event;

import java.util.concurrent.locks.LockSupport;

/**
 * Live pacing: an event at run time {@code t} is run no earlier than {@code start + t / speed} on the
 * wall clock ({@code speed} 2 replays arrivals twice as fast). Events already due run at once, so a
 * live executor that takes longer than planned simply pushes later events back.
 */
public final class WallClockPacer implements Pacer {
    private volatile long startWallNanos;
    private final double speed;

    public WallClockPacer(double speed) {
        if (!(speed > 0)) throw new IllegalArgumentException("speed must be > 0");
        this.speed = speed;
        this.startWallNanos = System.nanoTime();
    }

    /** Starts the clock again from now (a run calls it once, after connecting its devices and before its first event). */
    public void restart() {
        startWallNanos = System.nanoTime();
    }

    @Override
    public void awaitEventTime(long eventNanos) {
        long due = startWallNanos + (long) (eventNanos / speed);
        long wait;
        while ((wait = due - System.nanoTime()) > 0) LockSupport.parkNanos(wait);
    }

    @Override
    public long wallNanosUntil(long eventNanos) {
        return startWallNanos + (long) (eventNanos / speed) - System.nanoTime();
    }

    /** Run time of a {@link System#nanoTime()} instant on this pacer's scale (never before the start). */
    public long runNanosAt(long wallNanos) {
        return Math.max(0, (long) ((wallNanos - startWallNanos) * speed));
    }

    /** Run time now, on this pacer's scale. */
    public long elapsedRunNanos() {
        return (long) ((System.nanoTime() - startWallNanos) * speed);
    }
}
