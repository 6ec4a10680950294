package dev.servelab.engine.event;

import java.util.concurrent.CancellationException;

/**
 * The single-threaded discrete-event loop. Time is {@code long} nanoseconds; events are closures
 * ordered by (time, phase, insertion sequence), so ties resolve in the order they were scheduled and a run
 * with the same inputs is identical every time. A {@link Pacer} decides how event time relates to
 * wall time: not at all in simulation, one to one (or scaled) when running live.
 */
public final class EventLoop {
    private static final long EXTERNAL_WAIT_SLICE_NANOS = 100_000_000;
    private final EventHeap queue = new EventHeap();
    private final Pacer pacer;
    private long nowNanos;
    private long nextSeq;
    private long processed;
    private volatile boolean cancelled;
    private ExternalEvents external;
    private Runnable then;

    public EventLoop() {
        this(Pacer.VIRTUAL);
    }

    public EventLoop(Pacer pacer) {
        this.pacer = pacer;
    }

    /** Waits on {@code source} instead of parking, applies its results before each event, and runs until it expects none. */
    public void setExternal(ExternalEvents source) {
        this.external = source;
    }

    /** The source set by {@link #setExternal}, or null. */
    public ExternalEvents external() {
        return external;
    }

    public Pacer pacer() {
        return pacer;
    }

    public long nowNanos() {
        return nowNanos;
    }

    /** Schedules {@code action} at {@code timeNanos}, which must not be in the past. */
    public void at(long timeNanos, Runnable action) {
        if (timeNanos < nowNanos) {
            throw new IllegalArgumentException("event at " + timeNanos + " ns is before now (" + nowNanos + " ns)");
        }
        queue.add(timeNanos, nextSeq++, action);
    }

    /**
     * Schedules {@code action} at {@code timeNanos} after every ordinary event of that same time, even
     * ones scheduled later: an idle replica woken by an arrival starts its iteration only once all
     * requests arriving at that instant are queued.
     */
    public void afterOthersAt(long timeNanos, Runnable action) {
        if (timeNanos < nowNanos) {
            throw new IllegalArgumentException("event at " + timeNanos + " ns is before now (" + nowNanos + " ns)");
        }
        queue.add(timeNanos, EventHeap.AFTER_OTHERS | nextSeq++, action);
    }

    /**
     * Runs {@code action} as the rest of the current event: right after the running action returns, at the
     * same time, before any other event or external arrival — exactly as if the running action had called it
     * last, but as its own call from the loop. A replica ends its iteration this way and starts the next, so
     * the JIT compiles the two halves separately (a rarely taken branch in one then recompiles only that
     * half; docs/PERFORMANCE.md). At most one per event.
     */
    public void thenRun(Runnable action) {
        if (then != null) throw new IllegalStateException("thenRun called twice in one event");
        then = action;
    }

    /** Runs events until none is left; throws {@link CancellationException} if {@link #cancel()} was called. */
    public void run(ProgressListener progress, long progressEveryEvents) {
        while (true) {
            Runnable action = then;
            boolean rest = action != null;
            if (rest) {
                then = null;
            } else {
                if (cancelled) throw new CancellationException("run cancelled at t=" + nowNanos + " ns");
                if (external != null && !externalLetsNextRun()) {
                    if (queue.isEmpty() && !external.pending()) return;
                    continue;
                }
                if (queue.isEmpty()) return;
                long time = queue.firstTimeNanos();
                action = queue.poll();
                if (external == null) pacer.awaitEventTime(time);
                nowNanos = time;
            }
            action.run(); // one call site for both, so the JIT inlines neither into the loop
            if (!rest) processed++;
            if (then == null) report(progress, progressEveryEvents);
        }
    }

    /** Tells {@code progress} every so many events, once an event (with its {@link #thenRun} part) is done. */
    private void report(ProgressListener progress, long everyEvents) {
        if (processed % everyEvents == 0 && progress != null) progress.onProgress(nowNanos, processed);
    }

    public void run() {
        run(null, Long.MAX_VALUE);
    }

    /**
     * Applies what has arrived, then returns true when the next event is due; otherwise waits (at most
     * {@link #EXTERNAL_WAIT_SLICE_NANOS}, so a cancel is seen) for an arrival or the event's time, and returns false.
     */
    private boolean externalLetsNextRun() {
        external.applyArrived();
        boolean none = queue.isEmpty();
        long wait = none ? EXTERNAL_WAIT_SLICE_NANOS : pacer.wallNanosUntil(queue.firstTimeNanos());
        if (wait <= 0) return true;
        if (none && !external.pending()) return false;
        try {
            external.awaitAndApply(Math.min(wait, EXTERNAL_WAIT_SLICE_NANOS));
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            cancelled = true;
        }
        return false;
    }

    public long processedEvents() {
        return processed;
    }

    public int pendingEvents() {
        return queue.size();
    }

    /** Asks the loop to stop before its next event; safe to call from any thread. */
    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Called every so many events with the current event time and the count so far. */
    public interface ProgressListener {
        void onProgress(long nowNanos, long eventsProcessed);
    }
}
