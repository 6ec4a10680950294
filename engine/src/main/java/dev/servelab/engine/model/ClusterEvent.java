package dev.servelab.engine.model;

/**
 * One cluster-level event of a run at {@code atNanos} (simulated or wall-clock time since the run's
 * start, as every other time of the run): {@code replica} is the replica index it concerns, or -1 for
 * the whole cluster; {@code detail} is a short human-readable line (e.g. "3 consecutive failures:
 * connection refused", "stage 2: 25 % to pool canary").
 */
public record ClusterEvent(long atNanos, ClusterEventKind kind, int replica, String detail) {
    public ClusterEvent {
        if (kind == null) throw new IllegalArgumentException("kind");
        if (detail == null) detail = "";
    }
}
