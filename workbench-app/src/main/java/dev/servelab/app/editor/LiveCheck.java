package dev.servelab.app.editor;

import dev.servelab.app.run.ExecutionMode;
import dev.servelab.engine.pipeline.PipelineLoader;

import java.util.Comparator;
import java.util.List;

/**
 * A live run needs live executors: flags each pool (in file order, as {@code pools[i]}) whose executor
 * is a simulated one, naming the way out.
 */
final class LiveCheck {
    private LiveCheck() {
    }

    static void pools(PipelineGraph g, String liveExecutor, List<Problem> out) {
        GraphNode router = GraphCodec.first(g, NodeKind.ROUTER);
        if (router == null) return;
        List<GraphNode> pools = g.targets(router, "replicas").stream().sorted(Comparator.comparingDouble(n -> n.y.get())).toList();
        for (int i = 0; i < pools.size(); i++) {
            GraphNode ex = g.source(pools.get(i), "executor");
            String type = ex == null ? PipelineLoader.DEFAULT_EXECUTOR : ex.plugin.get();
            if (ExecutionMode.LIVE_EXECUTORS.contains(type)) continue;
            out.add(new Problem(ex == null ? pools.get(i) : ex, "pools[" + i + "].executor: " + type
                    + " is simulated; pick a live executor (" + liveExecutor + ") or Simulation", true));
        }
    }
}
