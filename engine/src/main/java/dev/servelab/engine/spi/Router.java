package dev.servelab.engine.spi;

import dev.servelab.engine.model.Request;

/** Cluster-level policy: picks the replica that serves a request. Plugin ids {@code route.*}. */
public interface Router {
    /** Returns a replica index in {@code [0, cluster.replicaCount())}. */
    int route(Request request, ClusterView cluster);

    /**
     * Prefill/decode disaggregation: called when a request's prefill has produced its first token on
     * {@code prefillReplica}; returns where its decode phase runs and how long moving its KV cache
     * there takes, or {@code null} (the default) to keep decoding where it was prefilled.
     */
    default Handoff routeDecode(Request request, ClusterView cluster, int prefillReplica) {
        return null;
    }

    /**
     * Shadow traffic: a replica that also gets a copy of {@code request} (its id offset by
     * {@link #SHADOW_ID_OFFSET}), or -1 (the default) for none. Called right after {@link #route}. The
     * copy's replica must be in one of {@link #shadowPools()}: its results are recorded in the run store
     * but left out of the user-facing metrics (latencies, throughput, goodput, counts), while the
     * capacity it uses is not (its iterations, batches, KV and energy count as every replica's do).
     */
    default int mirror(Request request, ClusterView cluster) {
        return -1;
    }

    /** Names of the pools that only serve {@link #mirror mirrored} copies (empty by default). */
    default java.util.Set<String> shadowPools() {
        return java.util.Set.of();
    }

    /** Added to a request's id for its mirrored copy, so the run store keeps both rows. */
    long SHADOW_ID_OFFSET = 1L << 50;

    /**
     * Checks the router's settings against the cluster (e.g. that every pool it names exists) before
     * the run is stored, so a bad setting is refused as invalid input and leaves no run row. Throws a
     * {@link dev.servelab.engine.ServeLabException} naming the field; the default accepts anything.
     */
    default void check(ClusterView cluster) {
    }

    /** Told when a request finishes, for routers that keep their own state (e.g. prefix trees). */
    default void onFinished(Request request, int replica) {
    }
}
