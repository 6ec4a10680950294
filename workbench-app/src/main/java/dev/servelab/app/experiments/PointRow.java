package dev.servelab.app.experiments;

import java.util.Map;

/**
 * One point of the selected experiment as the table shows it: ids, status, whether it meets the
 * constraints, its parameters as text, its reason, and its metrics (empty when it did not complete).
 */
public record PointRow(int pointId, long runId, String status, boolean feasible, String params, String reason,
                       Map<String, Object> metrics) {

    /** A metric as a number, NaN when the point has none. */
    public double metric(String key) {
        return metrics.get(key) instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
