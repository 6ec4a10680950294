package dev.servelab.plugins.route;

import dev.servelab.engine.model.Request;
import dev.servelab.engine.spi.ClusterView;
import dev.servelab.engine.spi.Plugin;
import dev.servelab.engine.spi.Router;

/**
 * Join the shortest queue measured in tokens: the replica with the fewest prompt and output tokens
 * still to process, lowest index on ties. Counting tokens rather than requests weighs one long
 * prompt like many short ones.
 */
@Plugin(id = "route.shortest-queue-tokens", summary = "Fewest outstanding tokens (join-shortest-queue by work)",
        source = "JSQ (Winston 1977); token-weighted as in Llumnix / SGLang router")
public final class ShortestQueueTokensRouter implements Router {
    @Override
    public int route(Request request, ClusterView cluster) {
        int best = 0;
        for (int i = 1; i < cluster.replicaCount(); i++) {
            if (cluster.outstandingTokens(i) < cluster.outstandingTokens(best)) best = i;
        }
        return best;
    }
}
