package dev.servelab.plugins.route;

import dev.servelab.engine.model.Request;
import dev.servelab.engine.spi.ClusterView;
import dev.servelab.engine.spi.Plugin;
import dev.servelab.engine.spi.PluginContext;
import dev.servelab.engine.spi.Router;

import java.util.SplittableRandom;

/**
 * Power of two choices: samples two distinct replicas at random (seeded) and sends the request to
 * the one with fewer outstanding tokens (the first sampled on ties). Nearly as good as a global
 * shortest queue while looking at two replicas only.
 */
@Plugin(id = "route.power-of-two", summary = "Two random replicas, the less loaded (outstanding tokens) wins",
        source = "Mitzenmacher, The Power of Two Choices (2001)")
public final class PowerOfTwoRouter implements Router {
    private final SplittableRandom rng;

    public PowerOfTwoRouter() {
        this(new PluginContext(42, "router", -1));
    }

    public PowerOfTwoRouter(PluginContext context) {
        this.rng = new SplittableRandom(context.seed());
    }

    @Override
    public int route(Request request, ClusterView cluster) {
        int n = cluster.replicaCount();
        if (n == 1) return 0;
        int a = rng.nextInt(n);
        int b = rng.nextInt(n - 1);
        if (b >= a) b++;
        return cluster.outstandingTokens(b) < cluster.outstandingTokens(a) ? b : a;
    }
}
