package dev.servelab.plugins.route;

import dev.servelab.engine.model.Request;
import dev.servelab.engine.spi.ClusterView;
import dev.servelab.engine.spi.Plugin;
import dev.servelab.engine.spi.Router;
import dev.servelab.engine.spi.Setting;

/**
 * SGLang-router-style cache-aware routing over an approximate radix tree of what was routed where
 * ({@link PrefixIndex}, on the request's chained {@code hashIds}):
 * <ol>
 * <li>if the cluster is imbalanced — the most loaded replica has more than
 *     {@code balance_abs_threshold} outstanding requests above the least loaded and more than
 *     {@code balance_rel_threshold} times its load — the least loaded replica wins;</li>
 * <li>otherwise the replica with the longest matched prefix wins if the match covers more than
 *     {@code cache_threshold} of the request's blocks (ties: fewer outstanding, lower index);</li>
 * <li>otherwise the replica with the smallest tree (most room for new prefixes) wins.</li>
 * </ol>
 * The chosen replica's tree then records the request's prefix. Requests without hashes go to the
 * least loaded replica.
 */
@Plugin(id = "route.prefix-aware", summary = "Cache-aware: longest routed prefix unless imbalanced (SGLang router)",
        source = "SGLang router cache_aware policy (Zheng et al., SGLang, NeurIPS'24)")
public final class PrefixAwareRouter implements Router {
    public record Settings(
            @Setting(summary = "minimum matched fraction of the prompt's blocks to follow the cache", min = 0, max = 1)
            double cacheThreshold,
            @Setting(summary = "imbalance if max - min outstanding exceeds this", unit = "requests", min = 0)
            int balanceAbsThreshold,
            @Setting(summary = "and max outstanding exceeds min times this", unit = "x", min = 1) double balanceRelThreshold,
            @Setting(summary = "prefix blocks remembered per replica (LRU)", unit = "blocks", min = 1) int maxTreeBlocks) {
        public Settings() {
            this(0.5, 32, 1.0001, 200_000);
        }
    }

    private final Settings settings;
    private PrefixIndex index;

    public PrefixAwareRouter() {
        this(new Settings());
    }

    public PrefixAwareRouter(Settings settings) {
        this.settings = settings;
    }

    @Override
    public int route(Request request, ClusterView cluster) {
        if (index == null) index = new PrefixIndex(cluster.replicaCount(), settings.maxTreeBlocks());
        int target = choose(request, cluster);
        if (request.hasPrefixHashes()) index.insert(target, request);
        return target;
    }

    private int choose(Request request, ClusterView cluster) {
        int least = Loads.leastOutstanding(cluster);
        if (!request.hasPrefixHashes() || imbalanced(cluster, least)) return least;
        int best = -1;
        int bestMatch = -1;
        for (int i = 0; i < cluster.replicaCount(); i++) {
            int m = index.matchedBlocks(i, request);
            if (m > bestMatch || (m == bestMatch && cluster.outstandingRequests(i) < cluster.outstandingRequests(best))) {
                best = i;
                bestMatch = m;
            }
        }
        if (bestMatch > settings.cacheThreshold() * request.hashCount()) return best;
        int smallest = 0;
        for (int i = 1; i < cluster.replicaCount(); i++) if (index.size(i) < index.size(smallest)) smallest = i;
        return smallest;
    }

    private boolean imbalanced(ClusterView cluster, int least) {
        int min = cluster.outstandingRequests(least);
        int max = cluster.outstandingRequests(Loads.mostOutstanding(cluster));
        return max - min > settings.balanceAbsThreshold() && max > min * settings.balanceRelThreshold();
    }
}
