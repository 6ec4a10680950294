package dev.servelab.hw.remote;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Hands remote tokens and ends from client threads to the single event-loop thread, converting
 * {@link System#nanoTime()} arrivals to run time: {@code (arrival - startWallNanos) * speed}, the
 * same scale as the engine's {@code WallClockPacer}. The loop thread drains it between events and
 * waits on it (instead of sleeping) while remote requests are in flight, so tokens are applied in
 * arrival order as soon as they arrive.
 */
public final class RemoteEventInbox implements RemoteTokenListener {
    private final LinkedBlockingQueue<RemoteEvent> queue = new LinkedBlockingQueue<>();
    private final long startWallNanos;
    private final double speed;

    public RemoteEventInbox(long startWallNanos, double speed) {
        this.startWallNanos = startWallNanos;
        this.speed = speed;
    }

    @Override
    public void onToken(long requestId, int index, long arrivalNanos) {
        queue.add(new RemoteEvent(requestId, index, runNanos(arrivalNanos), null));
    }

    @Override
    public void onEnd(StreamRecord record) {
        queue.add(new RemoteEvent(record.requestId(), record.tokens(), runNanos(System.nanoTime()), record));
    }

    /**
     * An inbox on the scale of a running clock that reports elapsed run time (such as the engine's
     * {@code WallClockPacer::elapsedRunNanos}), advancing {@code speed} run nanoseconds per wall nanosecond.
     */
    public static RemoteEventInbox onClock(java.util.function.LongSupplier elapsedRunNanos, double speed) {
        long now = System.nanoTime();
        return new RemoteEventInbox(now - (long) (elapsedRunNanos.getAsLong() / speed), speed);
    }

    public long runNanos(long wallNanos) {
        return Math.max(0, (long) ((wallNanos - startWallNanos) * speed));
    }

    /** Applies every queued event in arrival order; returns how many. */
    public int drain(Consumer<RemoteEvent> apply) {
        int n = 0;
        RemoteEvent e;
        while ((e = queue.poll()) != null) {
            apply.accept(e);
            n++;
        }
        return n;
    }

    /** Waits up to {@code timeoutNanos} for the next event; null if none came. */
    public RemoteEvent await(long timeoutNanos) throws InterruptedException {
        return queue.poll(Math.max(0, timeoutNanos), TimeUnit.NANOSECONDS);
    }
}
