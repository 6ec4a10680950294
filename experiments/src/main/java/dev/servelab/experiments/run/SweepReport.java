package dev.servelab.experiments.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servelab.experiments.point.PointStatus;
import dev.servelab.experiments.store.StoredPoint;
import dev.servelab.experiments.sweep.Objective;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON of an experiment, as {@code sweep run --json} prints it: {@code experiment_id}, {@code points}
 * (each {@code point_id}, {@code run_id}, {@code status}, {@code reason}, {@code params}, {@code metrics},
 * plus {@code feasible} and, with a capacity search, {@code tried}) and {@code best} (a point, or null).
 */
public final class SweepReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SweepReport() {
    }

    public static Map<String, Object> of(long experimentId, List<StoredPoint> points, StoredPoint best) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("experiment_id", experimentId);
        m.put("points", points.stream().map(SweepReport::point).toList());
        m.put("best", best == null ? null : point(best));
        return m;
    }

    public static Map<String, Object> point(StoredPoint p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("point_id", p.pointId());
        m.put("run_id", p.runId() >= 0 ? p.runId() : null);
        m.put("status", p.status().dbValue());
        m.put("reason", p.reason());
        m.put("params", tree(p.paramsJson()));
        m.put("metrics", p.metricsJson() == null ? null : tree(p.metricsJson()));
        m.put("feasible", p.feasible());
        if (p.triedJson() != null) m.put("tried", tree(p.triedJson()));
        return m;
    }

    /** The feasible completed point with the best objective value (the lowest point id among equals); null without objective. */
    public static StoredPoint best(Objective objective, List<StoredPoint> points) {
        if (objective == null) return null;
        StoredPoint best = null;
        double bestValue = Double.NaN;
        for (StoredPoint p : points) {
            if (p.status() != PointStatus.COMPLETED || !p.feasible()) continue;
            double v = objective.value(metrics(p));
            if (best == null && !Double.isNaN(v) || objective.better(v, bestValue)) {
                best = p;
                bestValue = v;
            }
        }
        return best;
    }

    /** A point's metrics as a map (empty when it has none). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> metrics(StoredPoint p) {
        if (p.metricsJson() == null) return Map.of();
        try {
            return JSON.readValue(p.metricsJson(), LinkedHashMap.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
