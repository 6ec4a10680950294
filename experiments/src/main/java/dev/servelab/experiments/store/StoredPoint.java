package dev.servelab.experiments.store;

import dev.servelab.experiments.point.PointStatus;

/**
 * A stored point: its id and key within the experiment, the run behind it ({@code runId} -1 when none
 * ran), status and reason, parameters and metrics as JSON, whether it meets the constraints, and the
 * capacity search's tries as JSON (null without one).
 */
public record StoredPoint(long experimentId, int pointId, String key, long runId, PointStatus status, String reason,
                          String paramsJson, String metricsJson, boolean feasible, String triedJson) {
}
