package dev.servelab.experiments.point;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.metrics.RunCost;
import dev.servelab.engine.pipeline.PipelineLoader;
import dev.servelab.engine.pipeline.PipelineSpec;
import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.engine.store.RunStore;
import dev.servelab.experiments.sweep.Constraint;
import dev.servelab.experiments.sweep.SweepMetrics;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Runs one point into a run store: checks what can be known before running (budget, tensor parallelism
 * within a node: {@link Feasibility}), then one run, or a capacity search when the point has a goal.
 * Never throws for a bad combination: it becomes an {@code infeasible} or {@code failed} result.
 */
public final class PointRunner {
    static final ObjectMapper JSON = new ObjectMapper();

    private PointRunner() {
    }

    public static PointResult run(PointTask task, PluginRegistry registry, RunStore store, CancelToken cancel) {
        ObjectNode tree;
        PipelineSpec spec;
        try {
            tree = (ObjectNode) JSON.readTree(task.pipelineJson());
            spec = PipelineLoader.fromTree(tree, task.name(), Path.of(task.baseDir()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (ServeLabException e) {
            return PointResult.without(task, PointStatus.INFEASIBLE, e.getMessage());
        }
        ToDoubleFunction<String> prices = prices(task.prices());
        String why = Feasibility.check(spec, task.budget(), prices);
        if (why != null) return PointResult.without(task, PointStatus.INFEASIBLE, why);
        if (task.capacity() != null) return capacity(task, tree, spec, registry, store, prices, cancel);
        RunAttempt a = RunAttempt.run(tree, task.name(), spec.baseDir(), registry, store, prices, cancel);
        return result(task, a, null, store);
    }

    private static PointResult capacity(PointTask task, ObjectNode tree, PipelineSpec spec, PluginRegistry registry, RunStore store,
                                        ToDoubleFunction<String> prices, CancelToken cancel) {
        List<Constraint> slo = new ArrayList<>();
        for (Constraint c : task.constraints()) if (isSlo(c.metric())) slo.add(c);
        CapacitySearch.Result r;
        try {
            r = CapacitySearch.search(tree, task.name(), spec.baseDir(), registry, task.capacity(), slo,
                    t -> RunAttempt.run(t, task.name(), spec.baseDir(), registry, store, prices, cancel));
        } catch (ServeLabException e) {
            return PointResult.without(task, PointStatus.INFEASIBLE, e.getMessage());
        }
        String tried = json(r.triedRows());
        if (!r.tried().isEmpty() && cancel.cancelled()) return PointResult.without(task, PointStatus.CANCELLED, "cancelled");
        if (r.best() == null) {
            String last = r.tried().isEmpty() ? "nothing tried" : r.tried().getLast().reason();
            return new PointResult(task.pointId(), task.key(), PointStatus.INFEASIBLE, "no " + task.capacity().id()
                    + " value meets the SLO (last: " + last + ")", -1, null, false, tried, runs(store, r.tried()));
        }
        Map<String, Object> metrics = new LinkedHashMap<>(r.best().metrics());
        metrics.put(task.capacity() == dev.servelab.experiments.sweep.CapacityGoal.MAX_RATE ? SweepMetrics.MAX_RATE_PER_S
                : SweepMetrics.MIN_REPLICAS, r.value());
        RunAttempt best = new RunAttempt(PointStatus.COMPLETED, null, r.best().runId(), metrics);
        PointResult p = result(task, best, tried, store);
        return new PointResult(p.pointId(), p.key(), p.status(), p.reason(), p.runId(), p.metricsJson(), p.feasible(), tried,
                runs(store, r.tried()));
    }

    /** Constraints on latency and attainment define the capacity search's SLO; those on cost or capacity judge the point. */
    private static boolean isSlo(String metric) {
        return !(metric.equals(SweepMetrics.MAX_RATE_PER_S) || metric.equals(SweepMetrics.MIN_REPLICAS)
                || metric.startsWith("cost_") || metric.equals(RunCost.Key.GPUS.key()));
    }

    private static PointResult result(PointTask task, RunAttempt a, String tried, RunStore store) {
        if (a.status() != PointStatus.COMPLETED) {
            return new PointResult(task.pointId(), task.key(), a.status(), a.reason(), a.runId(), null, false, tried,
                    a.runId() >= 0 ? runs(store, List.of(a.runId())) : List.of());
        }
        String violation = Constraint.firstViolation(task.constraints(), a.metrics());
        return new PointResult(task.pointId(), task.key(), PointStatus.COMPLETED, violation, a.runId(), json(a.metrics()),
                violation == null, tried, runs(store, List.of(a.runId())));
    }

    private static List<StoredRun> runs(RunStore store, List<?> idsOrTries) {
        List<StoredRun> out = new ArrayList<>();
        for (Object o : idsOrTries) {
            long id = o instanceof CapacitySearch.Tried t ? t.runId() : (Long) o;
            if (id >= 0) store.run(id).ifPresent(r -> out.add(StoredRun.of(r)));
        }
        return out;
    }

    /** The hardware catalog's prices with the sweep's overrides. */
    static ToDoubleFunction<String> prices(Map<String, Double> overrides) {
        ToDoubleFunction<String> catalog = RunCost.catalogPrices();
        return hw -> overrides.containsKey(hw) ? overrides.get(hw) : catalog.applyAsDouble(hw);
    }

    static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
