package dev.servelab.plugins.route;

import dev.servelab.engine.model.Request;
import dev.servelab.engine.spi.ClusterView;
import dev.servelab.engine.spi.Plugin;
import dev.servelab.engine.spi.Router;
import dev.servelab.engine.spi.Setting;

/**
 * llm-d / Dynamo-style scoring router: each replica gets
 * {@code prefix_weight · prefix + queue_weight · queue + kv_weight · kv}, where {@code prefix} is
 * the fraction of the request's blocks the replica is believed to hold ({@link PrefixIndex}),
 * {@code queue = 1 - outstanding / max outstanding} and {@code kv = 1 - KV usage}; the highest score
 * wins (ties: lower index). Queue and KV readings come from a snapshot refreshed at most every
 * {@code staleness_ms}, as a gateway scraping replica metrics sees them (0 = exact state); between
 * refreshes the router counts the requests it sent itself, as Dynamo's router tracks its in-flight ones.
 */
@Plugin(id = "route.weighted-scorer", summary = "Weighted prefix-affinity, queue and KV-usage scores with stale metrics",
        source = "llm-d inference scheduler; NVIDIA Dynamo KV-aware router")
public final class WeightedScorerRouter implements Router {
    public record Settings(
            @Setting(summary = "weight of the prefix-affinity score", min = 0) double prefixWeight,
            @Setting(summary = "weight of the queue-depth score", min = 0) double queueWeight,
            @Setting(summary = "weight of the KV-usage score", min = 0) double kvWeight,
            @Setting(summary = "age of the metrics the router sees", unit = "ms", min = 0) double stalenessMs,
            @Setting(summary = "prefix blocks remembered per replica (LRU)", unit = "blocks", min = 1) int maxTreeBlocks) {
        public Settings() {
            this(2, 1, 1, 50, 200_000);
        }
    }

    private final Settings settings;
    private PrefixIndex index;
    private int[] outstanding;
    private double[] kvUsage;
    private long snapshotNanos = Long.MIN_VALUE;

    public WeightedScorerRouter() {
        this(new Settings());
    }

    public WeightedScorerRouter(Settings settings) {
        this.settings = settings;
    }

    @Override
    public int route(Request request, ClusterView cluster) {
        int n = cluster.replicaCount();
        if (index == null) {
            index = new PrefixIndex(n, settings.maxTreeBlocks());
            outstanding = new int[n];
            kvUsage = new double[n];
        }
        refresh(cluster);
        int maxOutstanding = 1;
        for (int w : outstanding) maxOutstanding = Math.max(maxOutstanding, w);
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double s = score(i, request, maxOutstanding);
            if (s > bestScore) {
                best = i;
                bestScore = s;
            }
        }
        if (request.hasPrefixHashes()) index.insert(best, request);
        outstanding[best]++;
        return best;
    }

    private double score(int i, Request request, int maxOutstanding) {
        double prefix = request.hasPrefixHashes()
                ? (double) index.matchedBlocks(i, request) / request.hashCount() : 0;
        double queue = 1 - (double) outstanding[i] / maxOutstanding;
        return settings.prefixWeight() * prefix + settings.queueWeight() * queue
                + settings.kvWeight() * (1 - kvUsage[i]);
    }

    private void refresh(ClusterView cluster) {
        long now = cluster.nowNanos();
        if (snapshotNanos != Long.MIN_VALUE && now - snapshotNanos < settings.stalenessMs() * 1e6) return;
        snapshotNanos = now;
        for (int i = 0; i < outstanding.length; i++) {
            outstanding[i] = cluster.outstandingRequests(i);
            kvUsage[i] = cluster.kvUsage(i);
        }
    }
}
