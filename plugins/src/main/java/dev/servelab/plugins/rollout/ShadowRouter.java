package dev.servelab.plugins.rollout;

import dev.servelab.engine.model.Request;
import dev.servelab.engine.spi.ClusterView;
import dev.servelab.engine.spi.Plugin;
import dev.servelab.engine.spi.PluginContext;
import dev.servelab.engine.spi.Router;
import dev.servelab.engine.spi.Setting;

import java.util.Set;
import java.util.SplittableRandom;

/**
 * Shadow (dark) traffic: every request is served by the primary pool (least outstanding), and a copy
 * of {@code mirror_pct} percent of them (a seeded draw) is also sent to the shadow pool, which runs the
 * candidate policy. The copies' results are stored with the run (request ids offset by
 * {@link Router#SHADOW_ID_OFFSET}) so the candidate can be judged on real traffic, but the users'
 * metrics — latencies, throughput, goodput, counts — are the primary pool's alone; the shadow pool's
 * iterations, batches, KV use and energy do count, since that capacity is really spent. As in request
 * mirroring of Envoy and Istio ({@code mirror_percentage}), and shadow deployments of model servers.
 */
@Plugin(id = "route.shadow", summary = "Serve from the primary pool and mirror a copy to a shadow pool (not in user metrics)",
        source = "request mirroring (Envoy request_mirror_policies, Istio mirror)")
public final class ShadowRouter implements Router {
    public record Settings(
            @Setting(summary = "pool that serves the users") String primaryPool,
            @Setting(summary = "pool that gets the mirrored copies (the candidate)") String shadowPool,
            @Setting(summary = "share of requests mirrored", unit = "%", min = 0, max = 100) double mirrorPct) {
        public Settings() {
            this("baseline", "shadow", 100);
        }
    }

    private final Settings settings;
    private final SplittableRandom rng;
    private PoolReplicas primary;
    private PoolReplicas shadow;

    public ShadowRouter() {
        this(new Settings(), new PluginContext(42, "router", -1));
    }

    public ShadowRouter(Settings settings, PluginContext context) {
        this.settings = settings;
        this.rng = new SplittableRandom(context.seed());
    }

    @Override
    public int route(Request request, ClusterView cluster) {
        if (primary == null) {
            primary = PoolReplicas.of(cluster, settings.primaryPool(), "router.primary_pool");
            shadow = PoolReplicas.of(cluster, settings.shadowPool(), "router.shadow_pool");
        }
        return primary.leastOutstanding(cluster);
    }

    @Override
    public int mirror(Request request, ClusterView cluster) {
        return rng.nextDouble() * 100 < settings.mirrorPct() ? shadow.leastOutstanding(cluster) : -1;
    }

    @Override
    public Set<String> shadowPools() {
        return Set.of(settings.shadowPool());
    }
}
