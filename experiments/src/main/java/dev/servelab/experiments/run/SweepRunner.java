package dev.servelab.experiments.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.store.RunStatus;
import dev.servelab.engine.store.RunStore;
import dev.servelab.experiments.engines.SweepEngine;
import dev.servelab.experiments.point.PointResult;
import dev.servelab.experiments.point.PointStatus;
import dev.servelab.experiments.point.PointTask;
import dev.servelab.experiments.point.StoredRun;
import dev.servelab.experiments.store.ExperimentInfo;
import dev.servelab.experiments.store.ExperimentStatus;
import dev.servelab.experiments.store.ExperimentStore;
import dev.servelab.experiments.store.StoredPoint;
import dev.servelab.experiments.sweep.PointPlan;
import dev.servelab.experiments.sweep.PointPlanner;
import dev.servelab.experiments.sweep.PointTrees;
import dev.servelab.experiments.sweep.SweepSpec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a checked sweep as an experiment in the run store (see the package description). Only this
 * class writes the experiment tables, on the calling thread, as results arrive from the engine.
 */
public final class SweepRunner {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SweepRunner() {
    }

    public static SweepOutcome run(SweepSpec sweep, SweepEngine engine, SweepEngine.Options options, PrintWriter err) {
        return run(sweep, engine, options, err, SweepListener.NONE);
    }

    /** As {@link #run(SweepSpec, SweepEngine, SweepEngine.Options, PrintWriter)}, telling {@code listener} of each stored point. */
    public static SweepOutcome run(SweepSpec sweep, SweepEngine engine, SweepEngine.Options options, PrintWriter err,
                                   SweepListener listener) {
        List<PointPlan> plan = PointPlanner.plan(sweep);
        try (RunStore runs = RunStore.open(options.db()); ExperimentStore xs = ExperimentStore.open(runs)) {
            long id = experiment(xs, sweep, plan.size(), engine.id());
            Map<Integer, StoredPoint> stored = new HashMap<>();
            for (StoredPoint p : xs.points(id)) stored.put(p.pointId(), p);
            List<PointTask> tasks = new ArrayList<>();
            for (PointPlan p : plan) {
                StoredPoint s = stored.get(p.index());
                boolean keep = s != null && s.key().equals(p.key())
                        && (s.status() == PointStatus.COMPLETED || s.status() == PointStatus.INFEASIBLE);
                if (keep) continue;
                PointTask t = task(sweep, p);
                if (t != null) tasks.add(t);
                else xs.put(new StoredPoint(id, p.index(), p.key(), -1, PointStatus.INFEASIBLE, infeasibleTree(sweep, p),
                        params(p), null, false, null));
            }
            SweepProgress progress = new SweepProgress(err, tasks.size(), plan.size() - tasks.size());
            listener.started(id, tasks.size(), xs.points(id));
            engine.run(tasks, options, r -> {
                if (r.status() == PointStatus.CANCELLED) return;
                PointResult stored0 = engine.storesRuns() ? r : restore(runs, r);
                StoredPoint p = point(id, stored0, paramsOf(plan, r.pointId()));
                xs.put(p);
                progress.point(r.status());
                listener.point(p);
            });
            ExperimentStatus status = options.cancel().cancelled() ? ExperimentStatus.CANCELLED : ExperimentStatus.COMPLETED;
            xs.mark(id, status);
            List<StoredPoint> points = xs.points(id);
            return new SweepOutcome(id, status, points, SweepReport.best(sweep.objective(), points), tasks.size(), progress.seconds());
        }
    }

    private static long experiment(ExperimentStore xs, SweepSpec sweep, int planned, String engine) {
        var found = xs.findByHash(sweep.hash());
        if (found.isPresent()) {
            ExperimentInfo e = found.get();
            xs.mark(e.experimentId(), ExperimentStatus.RUNNING);
            return e.experimentId();
        }
        return xs.create(sweep.name(), sweep.file().toString(), sweep.hash(), sweep.sourceJson(), planned, engine);
    }

    /** The point's task, or null when its values cannot even be applied together (e.g. an index the others removed). */
    private static PointTask task(SweepSpec sweep, PointPlan p) {
        ObjectNode tree;
        try {
            tree = PointTrees.apply(sweep.baseTree(), p.assignments());
        } catch (ServeLabException e) {
            return null;
        }
        return new PointTask(p.index(), p.key(), params(p), tree.toString(), sweep.baseDir().toString(),
                sweep.baseTree().path("name").asText(sweep.baseName()), sweep.constraints(), sweep.budget(), sweep.capacity(),
                sweep.prices());
    }

    private static String infeasibleTree(SweepSpec sweep, PointPlan p) {
        try {
            PointTrees.apply(sweep.baseTree(), p.assignments());
            return "cannot apply the point's values";
        } catch (ServeLabException e) {
            return e.getMessage();
        }
    }

    private static String params(PointPlan p) {
        return JSON.valueToTree(p.params()).toString();
    }

    private static String paramsOf(List<PointPlan> plan, int pointId) {
        return params(plan.get(pointId));
    }

    private static StoredPoint point(long id, PointResult r, String params) {
        return new StoredPoint(id, r.pointId(), r.key(), r.runId(), r.status(), r.reason(), params, r.metricsJson(), r.feasible(),
                r.triedJson());
    }

    /**
     * Stores a detached worker's runs (each with its summary) in this store and renumbers the result's
     * run ids (in the point, its metrics and its capacity tries) to this store's.
     */
    static PointResult restore(RunStore runs, PointResult r) {
        Map<Long, Long> ids = new HashMap<>();
        for (StoredRun s : r.runs()) {
            long id = runs.beginRun(s.newRun());
            ids.put(s.runId(), id);
            runs.finishRun(id, RunStatus.of(s.status()), renumber(s.summaryJson(), ids), s.error());
        }
        long runId = r.runId() >= 0 ? ids.getOrDefault(r.runId(), -1L) : -1;
        return new PointResult(r.pointId(), r.key(), r.status(), r.reason(), runId, renumber(r.metricsJson(), ids), r.feasible(),
                renumberTried(r.triedJson(), ids), r.runs());
    }

    private static String renumber(String json, Map<Long, Long> ids) {
        if (json == null) return null;
        try {
            JsonNode n = JSON.readTree(json);
            if (n instanceof ObjectNode o && o.has("run_id") && o.get("run_id").canConvertToLong()) {
                o.put("run_id", ids.getOrDefault(o.get("run_id").asLong(), -1L));
            }
            return n.toString();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String renumberTried(String json, Map<Long, Long> ids) {
        if (json == null) return null;
        try {
            JsonNode n = JSON.readTree(json);
            for (JsonNode t : n) {
                ObjectNode o = (ObjectNode) t;
                if (o.get("run_id").canConvertToLong()) o.put("run_id", ids.getOrDefault(o.get("run_id").asLong(), -1L));
                if (o.get("metrics") instanceof ObjectNode m && m.has("run_id")) m.put("run_id", ids.getOrDefault(m.get("run_id").asLong(), -1L));
            }
            return n.toString();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
