package dev.servelab.plugins.route;

import dev.servelab.engine.model.Request;
import dev.servelab.engine.spi.ClusterView;
import dev.servelab.engine.spi.Plugin;
import dev.servelab.engine.spi.Router;

/**
 * Sends each request to the replica whose KV cache is least used (fraction of blocks held by running
 * sequences), then fewest outstanding requests, then lowest index — the KV-utilisation signal that
 * llm-d's and AIBrix's gateways export.
 */
@Plugin(id = "route.least-kv-usage", summary = "Lowest KV-cache usage (ties: fewest outstanding, lowest index)",
        source = "llm-d inference scheduler; AIBrix")
public final class LeastKvUsageRouter implements Router {
    @Override
    public int route(Request request, ClusterView cluster) {
        int best = 0;
        for (int i = 1; i < cluster.replicaCount(); i++) {
            int c = Double.compare(cluster.kvUsage(i), cluster.kvUsage(best));
            if (c < 0 || (c == 0 && cluster.outstandingRequests(i) < cluster.outstandingRequests(best))) best = i;
        }
        return best;
    }
}
