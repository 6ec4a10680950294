package dev.servelab.experiments.point;

import dev.servelab.engine.metrics.RunCost;
import dev.servelab.engine.pipeline.PipelineSpec;
import dev.servelab.engine.pipeline.PoolSpec;
import dev.servelab.experiments.sweep.Budget;
import dev.servelab.hw.perf.catalog.CatalogException;
import dev.servelab.hw.perf.hardware.HardwareCatalog;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * What makes a point infeasible before it runs: more GPUs or a higher price per hour than the budget
 * allows, or tensor parallelism larger than the GPUs in one node of the pool's hardware (the catalog's
 * {@code devices_per_node}). Weights and KV that do not fit are found when the run is built.
 */
final class Feasibility {
    private static final Map<String, Integer> DEVICES_PER_NODE = new ConcurrentHashMap<>();

    private Feasibility() {
    }

    /** Null when the point may run, else why not. */
    static String check(PipelineSpec spec, Budget budget, ToDoubleFunction<String> prices) {
        int gpus = RunCost.gpus(spec);
        if (budget.maxGpus() > 0 && gpus > budget.maxGpus()) {
            return "needs " + gpus + " GPUs (replicas x tensor_parallel), over budget.max_gpus " + budget.maxGpus();
        }
        if (budget.maxCostPerHourUsd() > 0) {
            double cost = RunCost.perHourUsd(spec, prices);
            if (cost > budget.maxCostPerHourUsd()) {
                return String.format(Locale.ROOT, "costs %.2f USD/h, over budget.max_cost_per_hour_usd %.2f", cost, budget.maxCostPerHourUsd());
            }
        }
        for (PoolSpec p : spec.pools()) {
            if (p.isRemote()) continue;
            int perNode = devicesPerNode(p.hardware());
            if (perNode > 0 && p.tensorParallel() > perNode) {
                return p.path() + ".tensor_parallel: " + p.tensorParallel() + " is more than the " + perNode
                        + " GPUs in one " + p.hardware() + " node";
            }
        }
        return null;
    }

    private static int devicesPerNode(String hardware) {
        return DEVICES_PER_NODE.computeIfAbsent(hardware, hw -> {
            try {
                return HardwareCatalog.standard().get(hw).devicesPerNode();
            } catch (CatalogException e) {
                return 0;
            }
        });
    }
}
