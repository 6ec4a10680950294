package dev.servelab.experiments.point;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.engine.store.RunStore;
import dev.servelab.experiments.sweep.CapacityGoal;
import dev.servelab.experiments.sweep.Constraint;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A capacity search on its own ({@code servelab capacity}): every try a run in {@code store}, priced from the catalog. */
public final class CapacityRun {
    private CapacityRun() {
    }

    public static CapacitySearch.Result search(ObjectNode tree, String name, Path baseDir, PluginRegistry registry, RunStore store,
                                               CapacityGoal goal, List<Constraint> slo) {
        CancelToken cancel = new CancelToken();
        var prices = PointRunner.prices(Map.of());
        return CapacitySearch.search(tree, name, baseDir, registry, goal, slo,
                t -> RunAttempt.run(t, name, baseDir, registry, store, prices, cancel));
    }
}
