package dev.servelab.engine.run;

import dev.servelab.engine.event.ExternalEvents;
import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.replica.RemoteReplica;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A run's remote endpoints from start to end: all connected before the first event (the first that
 * does not answer fails the run before it is stored, as one line naming its pool and device), closed
 * when the run ends, and on cancel or failure closed with the ends that still arrive applied and
 * every request left in flight recorded as failed.
 */
final class RemoteDevices {
    private static final long CLOSE_WAIT_MS = 5_000;
    private final List<RemoteReplica> replicas;
    private final ExternalEvents inbox;

    RemoteDevices(List<RemoteReplica> replicas, ExternalEvents inbox) {
        this.replicas = replicas;
        this.inbox = inbox;
    }

    boolean isEmpty() {
        return replicas.isEmpty();
    }

    void connectAll() {
        for (RemoteReplica r : replicas) {
            try {
                r.connect();
            } catch (RuntimeException e) {
                closeAll();
                throw e instanceof ServeLabException se ? se : new ServeLabException(e.getMessage(), e);
            }
        }
    }

    /** Closes every endpoint at once, waiting at most {@value #CLOSE_WAIT_MS} ms in all. */
    void closeAll() {
        List<Thread> closing = new ArrayList<>();
        for (RemoteReplica r : replicas) closing.add(Thread.ofVirtual().name("close-" + r.poolName()).start(r.endpoint()::close));
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_WAIT_MS);
        try {
            for (Thread t : closing) t.join(java.time.Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Closes the endpoints, applies the ends that arrived, and records what is still in flight as failed with {@code reason}. */
    void abandon(String reason, long nowNanos) {
        if (replicas.isEmpty()) return;
        for (RemoteReplica r : replicas) r.stopping(reason);
        closeAll();
        inbox.applyArrived();
        for (RemoteReplica r : replicas) r.failInFlight(reason, nowNanos);
    }
}
