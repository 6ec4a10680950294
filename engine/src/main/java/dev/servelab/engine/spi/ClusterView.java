package dev.servelab.engine.spi;

import dev.servelab.engine.model.ClusterEvent;

/**
 * Read-only state of all replicas, as routers and admission policies see it. Replicas are numbered
 * {@code 0 .. replicaCount()-1} across all pools, in pipeline order.
 */
public interface ClusterView {
    int replicaCount();

    long nowNanos();

    String poolName(int replica);

    /** Requests routed to the replica and not yet finished (waiting + running). */
    int outstandingRequests(int replica);

    int waitingRequests(int replica);

    int runningRequests(int replica);

    /** Prompt and output tokens still to be processed by requests routed to the replica. */
    long outstandingTokens(int replica);

    /** Fraction of KV blocks held by running sequences, in [0, 1]. */
    double kvUsage(int replica);

    int kvCapacityBlocks(int replica);

    int kvBlockSizeTokens(int replica);

    /**
     * Records a cluster-level event (e.g. a rollout stage a router decided) with the run's observers and
     * store. The default drops it, for views that belong to no run (tests, previews).
     */
    default void emit(ClusterEvent event) {
    }
}
