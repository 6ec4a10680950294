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
     * Whether the replica has LoRA adapter {@code adapter} resident on its GPU or a request routed there
     * will use it (so sending another request with it costs no adapter load); false in pools without
     * {@code lora} and for a null adapter. For adapter-affinity routing (S-LoRA, dLoRA).
     */
    default boolean holdsAdapter(int replica, dev.servelab.engine.model.AdapterId adapter) {
        return false;
    }

    /**
     * Whether the replica is in routing: false after consecutive failures (until a probe or an answer
     * re-admits it) or while an injected crash or partition holds it down. Routers need not check it:
     * the cluster moves a request routed to an unhealthy replica to a healthy one (decision 0009);
     * a router may use it to choose among healthy replicas itself.
     */
    default boolean healthy(int replica) {
        return true;
    }

    /**
     * Records a cluster-level event (e.g. a rollout stage a router decided) with the run's observers and
     * store. The default drops it, for views that belong to no run (tests, previews).
     */
    default void emit(ClusterEvent event) {
    }
}
