package dev.servelab.plugins.route;

import dev.servelab.engine.model.Request;
import dev.servelab.engine.spi.ClusterView;
import dev.servelab.engine.spi.Plugin;
import dev.servelab.engine.spi.Router;
import dev.servelab.engine.spi.Setting;

import java.util.HashMap;
import java.util.Map;

/**
 * Edge first, cloud when the SLO is at risk: each request goes to the edge replica with the lowest
 * predicted TTFT if that prediction meets {@code ttft_slo_ms}, else to the fallback pool's replica
 * with the fewest outstanding requests. The prediction is
 * {@code edge_ttft_ms + max(0, outstanding - edge_slots + 1) * mean_e2el_ms / edge_slots}: the
 * device's unloaded TTFT (network round trip included; e.g. from {@code servelab device probe}; per
 * pool with {@code pool_ttft_ms}) plus
 * the wait for a free slot among {@code edge_slots} concurrent requests, each slot freeing after the
 * mean end-to-end latency the router has observed on that replica (routing to completion or
 * failure; {@code edge_e2el_ms} until the first one ends). Equal predictions go to the edge replica
 * with fewer outstanding requests, then the lower index.
 *
 * <p>Sources: offloading to the edge or the cloud by predicted latency is Neurosurgeon's idea (Kang
 * et al., "Neurosurgeon: Collaborative Intelligence Between the Cloud and Mobile Edge", ASPLOS 2017);
 * sending queries to a small local model and falling back to a large one follows Ding et al.,
 * "Hybrid LLM: Cost-Efficient and Quality-Aware Query Routing", ICLR 2024 (which routes on predicted
 * quality; here the criterion is the TTFT SLO).
 */
@Plugin(id = "route.edge-first", summary = "Edge pools while their predicted TTFT meets the SLO, else the fallback (cloud) pool",
        source = "Kang et al., Neurosurgeon (ASPLOS 2017); Ding et al., Hybrid LLM (ICLR 2024)")
public final class EdgeFirstRouter implements Router {
    public record Settings(
            @Setting(summary = "TTFT the edge must be predicted to meet", unit = "ms", min = 0) double ttftSloMs,
            @Setting(summary = "pool that takes what the edge cannot; empty: every pool not at the edge") String fallbackPool,
            @Setting(summary = "edge pools, comma-separated; empty: pools whose name starts with 'edge'") String edgePools,
            @Setting(summary = "an edge replica's TTFT when idle, network included", unit = "ms", min = 0) double edgeTtftMs,
            @Setting(summary = "per-pool idle TTFT overriding edge_ttft_ms, e.g. 'edge-near=120,edge-far=180'", unit = "ms")
            String poolTtftMs,
            @Setting(summary = "requests an edge replica serves at once without queueing", min = 1) int edgeSlots,
            @Setting(summary = "assumed end-to-end latency until one is observed", unit = "ms", min = 0) double edgeE2elMs,
            @Setting(summary = "weight of the newest observation in the mean latency", min = 0, max = 1) double ewmaWeight) {
        public Settings() {
            this(400, "", "", 150, "", 4, 2000, 0.2);
        }
    }

    private final Settings settings;
    private final Map<Long, Long> routedAtNanos = new HashMap<>();
    private EdgePools pools;
    private double[] meanE2elMs;
    private ClusterView clock;

    public EdgeFirstRouter() {
        this(new Settings());
    }

    public EdgeFirstRouter(Settings settings) {
        this.settings = settings;
    }

    @Override
    public int route(Request request, ClusterView cluster) {
        if (pools == null) init(cluster);
        int edge = bestEdge(cluster);
        int target = edge >= 0 && predictedTtftMs(edge, cluster) <= settings.ttftSloMs() ? edge : leastLoadedFallback(cluster);
        if (target < 0) target = edge >= 0 ? edge : 0;
        if (pools.isEdge(target)) routedAtNanos.put(request.id(), cluster.nowNanos());
        return target;
    }

    @Override
    public void check(ClusterView cluster) {
        EdgePools.of(cluster, settings.edgePools(), settings.fallbackPool(), settings.edgeTtftMs(), settings.poolTtftMs());
    }

    private void init(ClusterView cluster) {
        clock = cluster;
        pools = EdgePools.of(cluster, settings.edgePools(), settings.fallbackPool(), settings.edgeTtftMs(),
                settings.poolTtftMs());
        meanE2elMs = new double[cluster.replicaCount()];
        java.util.Arrays.fill(meanE2elMs, settings.edgeE2elMs());
    }

    /** Predicted TTFT of a request sent to edge replica {@code i} now. */
    double predictedTtftMs(int i, ClusterView cluster) {
        int slots = settings.edgeSlots();
        int queued = Math.max(0, cluster.outstandingRequests(i) - slots + 1);
        return pools.idleTtftMs(i) + queued * meanE2elMs[i] / slots;
    }

    private int bestEdge(ClusterView cluster) {
        int best = -1;
        double bestMs = Double.MAX_VALUE;
        for (int i = 0; i < cluster.replicaCount(); i++) {
            if (!pools.isEdge(i)) continue;
            double ms = predictedTtftMs(i, cluster);
            if (ms < bestMs || (ms == bestMs && cluster.outstandingRequests(i) < cluster.outstandingRequests(best))) {
                best = i;
                bestMs = ms;
            }
        }
        return best;
    }

    private int leastLoadedFallback(ClusterView cluster) {
        int best = -1;
        for (int i = 0; i < cluster.replicaCount(); i++) {
            if (pools.isFallback(i) && (best < 0 || cluster.outstandingRequests(i) < cluster.outstandingRequests(best))) best = i;
        }
        return best;
    }

    @Override
    public void onFinished(Request request, int replica) {
        Long at = routedAtNanos.remove(request.id());
        if (at == null || clock == null) return;
        double ms = (clock.nowNanos() - at) / 1e6;
        double w = settings.ewmaWeight();
        meanE2elMs[replica] = (1 - w) * meanE2elMs[replica] + w * ms;
    }
}
