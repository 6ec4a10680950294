package dev.servelab.engine.model;

import java.util.Locale;

/**
 * What happened to the cluster (not to one request): health changes, injected faults, rollout stages.
 * Stored in the run store's {@code run_events} table by {@link #dbValue()} and drawn as markers and
 * bands on the workbench's timeline and SLA charts. Values are stable: add new kinds, never rename.
 */
public enum ClusterEventKind {
    /** A replica failed enough consecutive requests to be taken out of routing. */
    REPLICA_UNHEALTHY,
    /** A replica answered a probe or a request again and is back in routing. */
    REPLICA_HEALTHY,
    /** A request that failed on one replica was sent to another ({@code retry:} policy). */
    REQUEST_RETRIED,
    /** A replica crashed (injected fault): its running requests failed or were retried, its KV was lost. */
    REPLICA_CRASHED,
    /** A crashed replica came back, with a cold cache. */
    REPLICA_RESTARTED,
    /** An injected fault window began (slowdown, delay, partition, load spike). */
    FAULT_STARTED,
    /** An injected fault window ended. */
    FAULT_ENDED,
    /** A rollout (canary) moved to a new stage; the detail says the share of traffic. */
    ROLLOUT_STAGE,
    /** A rollout was rolled back: all traffic returns to the baseline. */
    ROLLOUT_ROLLED_BACK,
    /** A rollout reached its last stage and passed its gate. */
    ROLLOUT_COMPLETED;

    /** The stored spelling, e.g. {@code replica-unhealthy}. */
    public String dbValue() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The kind stored as {@code value}. */
    public static ClusterEventKind fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
