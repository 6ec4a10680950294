package dev.servelab.plugins.route;

import dev.servelab.engine.model.Request;
import dev.servelab.engine.spi.ClusterView;
import dev.servelab.engine.spi.Plugin;
import dev.servelab.engine.spi.PluginContext;
import dev.servelab.engine.spi.Router;

import java.util.SplittableRandom;

/** Sends each request to a uniformly random replica (seeded): the stateless baseline. */
@Plugin(id = "route.random", summary = "Uniformly random replica (seeded)", source = "classic load balancing")
public final class RandomRouter implements Router {
    private final SplittableRandom rng;

    public RandomRouter() {
        this(new PluginContext(42, "router", -1));
    }

    public RandomRouter(PluginContext context) {
        this.rng = new SplittableRandom(context.seed());
    }

    @Override
    public int route(Request request, ClusterView cluster) {
        return rng.nextInt(cluster.replicaCount());
    }
}
