package dev.servelab.engine.run;

import dev.servelab.engine.event.WallClockPacer;
import dev.servelab.engine.event.ExternalEvents;
import dev.servelab.engine.replica.RemoteReplica;
import dev.servelab.engine.spi.RemoteEnd;
import dev.servelab.engine.spi.RemoteTokenListener;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Hands remote tokens and ends from endpoint threads to the event-loop thread. Each remote replica
 * gets its own {@link #listener}; arrivals ({@link System#nanoTime()}) are converted to run time on
 * the live run's {@link WallClockPacer} scale when they arrive, so a token keeps its true arrival
 * time however late the loop applies it. The loop applies them in arrival order before each event.
 */
public final class RemoteEventInbox implements ExternalEvents {
    private record Arrival(RemoteReplica replica, long requestId, int tokenIndex, long runNanos, RemoteEnd end, Runnable task) {
    }

    private final LinkedBlockingQueue<Arrival> queue = new LinkedBlockingQueue<>();
    private final List<RemoteReplica> replicas = new ArrayList<>();
    private final WallClockPacer clock;

    public RemoteEventInbox(WallClockPacer clock) {
        this.clock = clock;
    }

    /** The listener for {@code replica}'s endpoint; the replica is then one whose in-flight requests keep the loop going. */
    public RemoteTokenListener listener(RemoteReplica replica) {
        replicas.add(replica);
        return new RemoteTokenListener() {
            @Override
            public void onToken(long requestId, int index, long arrivalNanos) {
                queue.add(new Arrival(replica, requestId, index, clock.runNanosAt(arrivalNanos), null, null));
            }

            @Override
            public void onEnd(RemoteEnd end) {
                queue.add(new Arrival(replica, end.requestId(), end.tokens(), clock.runNanosAt(System.nanoTime()), end, null));
            }
        };
    }

    /** Runs {@code task} on the loop thread with the next arrivals (a health probe's answer, from its own thread). */
    void post(Runnable task) {
        queue.add(new Arrival(null, -1, 0, 0, null, task));
    }

    /** Run time now on the live run's clock. */
    long runNanosNow() {
        return clock.runNanosAt(System.nanoTime());
    }

    List<RemoteReplica> replicas() {
        return replicas;
    }

    @Override
    public void applyArrived() {
        Arrival a;
        while ((a = queue.poll()) != null) apply(a);
    }

    @Override
    public void awaitAndApply(long waitNanos) throws InterruptedException {
        Arrival a = queue.poll(Math.max(0, waitNanos), TimeUnit.NANOSECONDS);
        if (a == null) return;
        apply(a);
        applyArrived();
    }

    @Override
    public boolean pending() {
        for (RemoteReplica r : replicas) if (r.inFlightCount() > 0) return true;
        return !queue.isEmpty();
    }

    private static void apply(Arrival a) {
        if (a.task() != null) a.task().run();
        else if (a.end() == null) a.replica().onToken(a.requestId(), a.tokenIndex(), a.runNanos());
        else a.replica().onEnd(a.end(), a.runNanos());
    }
}
