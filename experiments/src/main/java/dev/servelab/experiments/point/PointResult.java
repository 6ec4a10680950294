package dev.servelab.experiments.point;

import java.io.Serializable;
import java.util.List;

/**
 * What running a point gave: its status, the reason when infeasible or failed (or which constraint a
 * completed point violates), the run behind it ({@code runId}, -1 when none ran), its metrics as JSON (the
 * run's summary keys plus {@code slo_attainment}, cost keys at the sweep's prices, and the capacity
 * found), whether it meets every constraint, the capacity search's tries as JSON (null without one),
 * and every run it made as stored ({@code runs}, for drivers that re-store them).
 */
public record PointResult(int pointId, String key, PointStatus status, String reason, long runId, String metricsJson,
                          boolean feasible, String triedJson, List<StoredRun> runs) implements Serializable {
    public PointResult {
        runs = List.copyOf(runs);
    }

    static PointResult without(PointTask t, PointStatus status, String reason) {
        return new PointResult(t.pointId(), t.key(), status, reason, -1, null, false, null, List.of());
    }
}
