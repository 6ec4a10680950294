package dev.servelab.engine.sim;

import java.util.PriorityQueue;
import java.util.concurrent.CancellationException;

/**
 * The single-threaded discrete-event loop. Time is {@code long} nanoseconds; events are closures
 * ordered by (time, phase, insertion sequence), so ties resolve in the order they were scheduled and a run
 * with the same inputs is identical every time. A {@link Pacer} decides how event time relates to
 * wall time: not at all in simulation, one to one (or scaled) when running live.
 */
public final class EventLoop {
    private record Event(long timeNanos, int phase, long seq, Runnable action) implements Comparable<Event> {
        @Override
        public int compareTo(Event o) {
            int c = Long.compare(timeNanos, o.timeNanos);
            if (c != 0) return c;
            c = Integer.compare(phase, o.phase);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    private final PriorityQueue<Event> queue = new PriorityQueue<>();
    private final Pacer pacer;
    private long nowNanos;
    private long nextSeq;
    private long processed;
    private volatile boolean cancelled;

    public EventLoop() {
        this(Pacer.VIRTUAL);
    }

    public EventLoop(Pacer pacer) {
        this.pacer = pacer;
    }

    public long nowNanos() {
        return nowNanos;
    }

    /** Schedules {@code action} at {@code timeNanos}, which must not be in the past. */
    public void at(long timeNanos, Runnable action) {
        if (timeNanos < nowNanos) {
            throw new IllegalArgumentException("event at " + timeNanos + " ns is before now (" + nowNanos + " ns)");
        }
        queue.add(new Event(timeNanos, 0, nextSeq++, action));
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
        queue.add(new Event(timeNanos, 1, nextSeq++, action));
    }

    /** Runs events until none is left; throws {@link CancellationException} if {@link #cancel()} was called. */
    public void run(ProgressListener progress, long progressEveryEvents) {
        while (!queue.isEmpty()) {
            if (cancelled) throw new CancellationException("run cancelled at t=" + nowNanos + " ns");
            Event e = queue.poll();
            pacer.awaitEventTime(e.timeNanos);
            nowNanos = e.timeNanos;
            e.action.run();
            if (++processed % progressEveryEvents == 0 && progress != null) progress.onProgress(nowNanos, processed);
        }
    }

    public void run() {
        run(null, Long.MAX_VALUE);
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
