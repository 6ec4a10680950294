package dev.servelab.engine.run;

import dev.servelab.engine.pipeline.HealthSpec;

/**
 * Passive health of every replica, as a circuit breaker per replica (the pattern of NGINX's
 * {@code max_fails} and Envoy's outlier detection): consecutive failures counted from request
 * outcomes; at {@link HealthSpec#unhealthyAfterFailures()} the replica is out of routing until a
 * probe or a late answer re-admits it. A replica held down by an injected fault (crash, partition)
 * comes back only when the fault ends. Pure bookkeeping: the {@link Cluster} emits the events and
 * schedules the probes.
 */
final class ReplicaHealth {
    private final HealthSpec spec;
    private final boolean[] down;
    private final boolean[] faulted;
    private final int[] consecutive;
    private final int[] probes;
    /** Run time at which each replica was last taken out of routing. */
    private final long[] downSinceNanos;
    private int healthyCount;

    ReplicaHealth(HealthSpec spec, int replicas) {
        this.spec = spec;
        this.down = new boolean[replicas];
        this.faulted = new boolean[replicas];
        this.consecutive = new int[replicas];
        this.probes = new int[replicas];
        this.downSinceNanos = new long[replicas];
        this.healthyCount = replicas;
    }

    boolean healthy(int replica) {
        return !down[replica];
    }

    /** Whether every replica is healthy (the common case: routing is then untouched). */
    boolean allHealthy() {
        return healthyCount == down.length;
    }

    /** Counts a failure at run time {@code nowNanos}; returns true when it took the replica out of routing. */
    boolean failed(int replica, long nowNanos) {
        consecutive[replica]++;
        if (down[replica] || consecutive[replica] < spec.unhealthyAfterFailures()) return false;
        setDown(replica, true);
        downSinceNanos[replica] = nowNanos;
        probes[replica] = 0;
        return true;
    }

    /**
     * The replica answered a request (or a probe) sent at run time {@code sentNanos}; returns true when that
     * re-admitted it (not while a fault holds it down). An answer to a request sent before the replica was
     * taken out of routing re-admits nothing: a dying agent can still flush a token it had queued after
     * another of its streams broke, and that says nothing about its health now.
     */
    boolean answered(int replica, long sentNanos) {
        if (down[replica] && sentNanos < downSinceNanos[replica]) return false;
        consecutive[replica] = 0;
        if (!down[replica] || faulted[replica]) return false;
        setDown(replica, false);
        return true;
    }

    /** The wait before the next probe of a down replica (the back-off doubles per failed probe, capped). */
    long nextProbeNanos(int replica) {
        return spec.backoffNanos(++probes[replica]);
    }

    /** An injected fault takes the replica down ({@code true}) or ends ({@code false}, healthy again, counts reset). */
    void fault(int replica, boolean active) {
        faulted[replica] = active;
        consecutive[replica] = 0;
        setDown(replica, active);
    }

    boolean faulted(int replica) {
        return faulted[replica];
    }

    private void setDown(int replica, boolean d) {
        if (down[replica] == d) return;
        down[replica] = d;
        healthyCount += d ? -1 : 1;
    }
}
