package dev.servelab.plugins.disagg;

import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.model.Request;
import dev.servelab.engine.spi.ClusterView;
import dev.servelab.engine.spi.Handoff;
import dev.servelab.engine.spi.Plugin;
import dev.servelab.engine.spi.Router;
import dev.servelab.engine.spi.Setting;

/**
 * Prefill/decode disaggregation: a request's prefill runs on the replica of {@code prefill_pool}
 * with the fewest outstanding tokens; when its first token is out, its KV cache moves over a link
 * ({@code link_latency_ms} plus {@code prompt · kv_bytes_per_token / link_gb_per_s}) to the
 * replica of {@code decode_pool} with the fewest outstanding tokens, where it decodes. Prefill
 * interference never reaches the decodes, at the price of the transfer and of splitting capacity
 * between the pools.
 *
 * <p>Sources: Splitwise (Patel et al., ISCA 2024); DistServe (Zhong et al., OSDI 2024).
 */
@Plugin(id = "route.disaggregated", summary = "Prefill on one pool, decode on another, KV over a link",
        source = "Splitwise (ISCA'24); DistServe (OSDI'24)")
public final class DisaggregatedRouter implements Router {
    public record Settings(
            @Setting(summary = "pool that runs prefills") String prefillPool,
            @Setting(summary = "pool that runs decodes") String decodePool,
            @Setting(summary = "KV transfer link bandwidth", unit = "GB/s", min = 0.001) double linkGbPerS,
            @Setting(summary = "KV transfer latency per request", unit = "ms", min = 0) double linkLatencyMs,
            @Setting(summary = "KV cache bytes per token (Llama-3-8B bf16: 131072)", unit = "bytes", min = 1) long kvBytesPerToken) {
        public Settings() {
            this("prefill", "decode", 25, 0.5, 131_072);
        }
    }

    private final Settings settings;

    public DisaggregatedRouter() {
        this(new Settings());
    }

    public DisaggregatedRouter(Settings settings) {
        this.settings = settings;
    }

    @Override
    public int route(Request request, ClusterView cluster) {
        return leastLoaded(cluster, settings.prefillPool(), "prefill_pool");
    }

    @Override
    public Handoff routeDecode(Request request, ClusterView cluster, int prefillReplica) {
        int target = leastLoaded(cluster, settings.decodePool(), "decode_pool");
        return new Handoff(target, transferNanos(request.promptTokens()));
    }

    @Override
    public void check(ClusterView cluster) {
        leastLoaded(cluster, settings.prefillPool(), "prefill_pool");
        leastLoaded(cluster, settings.decodePool(), "decode_pool");
    }

    /** Time to move a prompt's KV cache over the link. */
    long transferNanos(int promptTokens) {
        double bytes = (double) promptTokens * settings.kvBytesPerToken();
        return Math.round(settings.linkLatencyMs() * 1e6 + bytes / settings.linkGbPerS());
    }

    private static int leastLoaded(ClusterView cluster, String pool, String field) {
        int best = -1;
        for (int i = 0; i < cluster.replicaCount(); i++) {
            if (!pool.equals(cluster.poolName(i))) continue;
            if (best < 0 || cluster.outstandingTokens(i) < cluster.outstandingTokens(best)) best = i;
        }
        if (best < 0) throw new ServeLabException("router." + field + ": no pool named '" + pool + "'");
        return best;
    }
}
