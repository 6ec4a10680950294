package dev.servelab.testkit;

import dev.servelab.engine.model.ClusterEvent;

import java.util.List;
import java.util.Map;

/**
 * What a {@link PipelineScenario} left in its run store: the summary (vLLM's keys and ServeLab's),
 * every request's row, the KV blocks each replica still held after its last iteration, and the
 * run's cluster events (health changes, retries, faults) in time order.
 */
public record PipelineResult(long runId, Map<String, Object> summary, Map<Long, Row> rows, Map<Integer, Integer> finalKvUsedBlocks,
                             List<ClusterEvent> events) {
    public PipelineResult(long runId, Map<String, Object> summary, Map<Long, Row> rows, Map<Integer, Integer> finalKvUsedBlocks) {
        this(runId, summary, rows, finalKvUsedBlocks, List.of());
    }

    /** One request's row of the {@code requests} table. */
    public record Row(long id, int replica, long arrivalNs, long firstTokenNs, long finishNs, int promptTokens,
                      int outputTokens, int cachedTokens, int preemptions, String status, String reason) {
        public double ttftMs() {
            return (firstTokenNs - arrivalNs) / 1e6;
        }

        public double e2elMs() {
            return (finishNs - arrivalNs) / 1e6;
        }
    }

    /** A summary value that is a count. */
    public long count(String key) {
        return number(key).longValue();
    }

    /** A summary value as a double. */
    public double value(String key) {
        return number(key).doubleValue();
    }

    /** The row of request {@code id}. */
    public Row row(long id) {
        Row r = rows.get(id);
        if (r == null) throw new AssertionError("no row for request " + id);
        return r;
    }

    private Number number(String key) {
        Object v = summary.get(key);
        if (v instanceof Number n) return n;
        throw new AssertionError("summary key " + key + " is " + (v == null ? "absent" : v) + " (keys: " + summary.keySet() + ")");
    }
}
