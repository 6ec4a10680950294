package dev.servelab.plugins.route;

import dev.servelab.engine.model.Request;
import dev.servelab.engine.spi.ClusterView;
import dev.servelab.engine.spi.Plugin;
import dev.servelab.engine.spi.Router;

/**
 * Sends each request to the replica with the fewest outstanding (queued plus running) requests,
 * lowest index on ties — the "least outstanding requests" policy of Envoy and AWS ALB, and the
 * default of many LLM gateways.
 */
@Plugin(id = "route.least-outstanding", summary = "Fewest outstanding requests (ties: lowest index)",
        source = "Envoy / AWS ALB least outstanding requests")
public final class LeastOutstandingRouter implements Router {
    @Override
    public int route(Request request, ClusterView cluster) {
        int best = 0;
        int bestLoad = Integer.MAX_VALUE;
        for (int i = 0; i < cluster.replicaCount(); i++) {
            int load = cluster.outstandingRequests(i);
            if (load < bestLoad) {
                best = i;
                bestLoad = load;
            }
        }
        return best;
    }
}
