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
