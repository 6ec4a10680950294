package dev.servelab.app.experiments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servelab.experiments.run.SweepReport;
import dev.servelab.experiments.store.StoredPoint;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One point of an experiment as the table shows it: the stored point, its metrics (empty when it did
 * not complete) and its parameters by dotted path, as text.
 */
public record PointRow(StoredPoint stored, Map<String, Object> metrics, Map<String, String> values) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The row of a stored point. */
    public static PointRow of(StoredPoint p) {
        Map<String, String> values = new LinkedHashMap<>();
        try {
            JsonNode n = JSON.readTree(p.paramsJson());
            n.properties().forEach(e -> values.put(e.getKey(), e.getValue().asText()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return new PointRow(p, SweepReport.metrics(p), values);
    }

    public int pointId() {
        return stored.pointId();
    }

    /** The run behind the point, -1 when none ran. */
    public long runId() {
        return stored.runId();
    }

    public String status() {
        return stored.status().dbValue();
    }

    /** Whether it completed and meets every constraint. */
    public boolean feasible() {
        return stored.feasible();
    }

    public String reason() {
        return stored.reason();
    }

    /** The parameters as one line: {@code replicas=2  router=route.round-robin}. */
    public String params() {
        StringBuilder sb = new StringBuilder();
        values.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : "  ").append(label(k)).append('=').append(v));
        return sb.toString();
    }

    /** A path's last part ({@code max_num_seqs}), or its last two when another axis ends the same ({@code 0.replicas}). */
    private String label(String path) {
        String last = path.substring(path.lastIndexOf('.') + 1);
        long same = values.keySet().stream().filter(k -> k.substring(k.lastIndexOf('.') + 1).equals(last)).count();
        return same > 1 ? shortPath(path) : last;
    }

    /** A metric as a number, NaN when the point has none. */
    public double metric(String key) {
        return metrics.get(key) instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** The last two parts of a dotted path ({@code pools.0.max_num_seqs} → {@code 0.max_num_seqs}), enough to tell axes apart. */
    static String shortPath(String path) {
        int last = path.lastIndexOf('.');
        if (last < 0) return path;
        int before = path.lastIndexOf('.', last - 1);
        return path.substring(before + 1);
    }
}
