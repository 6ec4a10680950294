package dev.servelab.plugins.route;

import dev.servelab.engine.model.AdapterId;
import dev.servelab.engine.model.Request;
import dev.servelab.engine.spi.ClusterView;
import dev.servelab.engine.spi.Plugin;
import dev.servelab.engine.spi.Router;
import dev.servelab.engine.spi.Setting;

/**
 * Adapter-affinity routing for multi-LoRA pools: a request goes to the least loaded replica that already
 * holds its adapter ({@link ClusterView#holdsAdapter}: resident on the GPU, or wanted by a request routed
 * there), so it costs no adapter load and does not push another adapter out — unless that replica has more
 * than {@code load_threshold} outstanding requests above the least loaded replica, which then wins (as does
 * it when no replica holds the adapter, and for requests on the base model). Ties: lowest index.
 *
 * <p>The trade-off between adapter locality and load balance is the one dLoRA (Wu et al., OSDI 2024)
 * balances by migrating adapters and requests, and S-LoRA (Sheng et al., MLSys 2024) and Punica (Chen et
 * al., MLSys 2024) sidestep by serving many adapters per batch; this is its simplest form, the
 * threshold rule SGLang's cache-aware router uses for prefixes.
 */
@Plugin(id = "route.lora-affinity", summary = "Multi-LoRA: the replica holding the request's adapter unless overloaded",
        source = "dLoRA (OSDI'24); S-LoRA (MLSys'24); Punica (MLSys'24)")
public final class LoraAffinityRouter implements Router {
    public record Settings(
            @Setting(summary = "leave the adapter's replica when its outstanding requests exceed the least loaded by more than this",
                    unit = "requests", min = 0) int loadThreshold) {
        public Settings() {
            this(8);
        }
    }

    private final Settings settings;

    public LoraAffinityRouter() {
        this(new Settings());
    }

    public LoraAffinityRouter(Settings settings) {
        this.settings = settings;
    }

    @Override
    public int route(Request request, ClusterView cluster) {
        int least = Loads.leastOutstanding(cluster);
        AdapterId adapter = request.adapter();
        if (adapter == null) return least;
        int holder = -1;
        for (int i = 0; i < cluster.replicaCount(); i++) {
            if (!cluster.holdsAdapter(i, adapter)) continue;
            if (holder < 0 || cluster.outstandingRequests(i) < cluster.outstandingRequests(holder)) holder = i;
        }
        if (holder < 0) return least;
        return cluster.outstandingRequests(holder) - cluster.outstandingRequests(least) > settings.loadThreshold() ? least : holder;
    }
}
