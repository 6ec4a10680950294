package dev.servelab.plugins.route;

import dev.servelab.engine.model.Request;
import dev.servelab.engine.spi.ClusterView;
import dev.servelab.engine.spi.Plugin;
import dev.servelab.engine.spi.Router;

/** Sends requests to replicas in turn, ignoring load: the baseline every router is compared with. */
@Plugin(id = "route.round-robin", summary = "Replicas in turn, ignoring load", source = "classic load balancing")
public final class RoundRobinRouter implements Router {
    private int next;

    @Override
    public int route(Request request, ClusterView cluster) {
        int r = next % cluster.replicaCount();
        next = r + 1;
        return r;
    }
}
