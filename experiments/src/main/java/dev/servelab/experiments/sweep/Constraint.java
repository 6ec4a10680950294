package dev.servelab.experiments.sweep;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A bound a good point must meet: an upper bound for metrics where lower is better (latencies, cost),
 * a lower bound for those where higher is better (throughput, goodput, {@code slo_attainment}).
 */
public record Constraint(String metric, double bound, boolean upper) implements Serializable {

    /** Null when {@code metrics} meets this bound, else why not (a missing value does not meet it). */
    public String violation(Map<String, Object> metrics) {
        Object v = metrics.get(metric);
        if (!(v instanceof Number n) || Double.isNaN(n.doubleValue())) return metric + " is not known";
        double x = n.doubleValue();
        boolean ok = upper ? x <= bound : x >= bound;
        if (ok) return null;
        return String.format(Locale.ROOT, "%s %.6g %s %.6g", metric, x, upper ? ">" : "<", bound);
    }

    /** The first violated constraint's reason, or null when all are met. */
    public static String firstViolation(Iterable<Constraint> constraints, Map<String, Object> metrics) {
        for (Constraint c : constraints) {
            String why = c.violation(metrics);
            if (why != null) return why;
        }
        return null;
    }

    /**
     * A pipeline {@code slo} node whose per-request objectives are the latency bounds among {@code constraints}
     * ({@code p99_ttft_ms: 500} gives {@code ttft_ms: 500}; the first bound per latency wins), or null when
     * none bounds a latency. Goodput and {@code slo_attainment} count requests against it.
     */
    public static ObjectNode sloNode(List<Constraint> constraints) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (String m : List.of("ttft", "tpot", "e2el")) {
            for (Constraint c : constraints) {
                if (c.upper() && c.metric().endsWith("_" + m + "_ms") && !c.metric().startsWith("std") && !out.has(m + "_ms")) {
                    out.put(m + "_ms", c.bound());
                }
            }
        }
        return out.isEmpty() ? null : out;
    }
}
