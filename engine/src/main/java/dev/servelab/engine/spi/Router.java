package dev.servelab.engine.spi;

import dev.servelab.engine.model.Request;

/** Cluster-level policy: picks the replica that serves a request. Plugin ids {@code route.*}. */
public interface Router {
    /** Returns a replica index in {@code [0, cluster.replicaCount())}. */
    int route(Request request, ClusterView cluster);

    /** Told when a request finishes, for routers that keep their own state (e.g. prefix trees). */
    default void onFinished(Request request, int replica) {
    }
}
