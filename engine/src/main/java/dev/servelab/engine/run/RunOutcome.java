package dev.servelab.engine.run;

import dev.servelab.engine.metrics.RunCost;
import dev.servelab.engine.metrics.RunSummary;
import dev.servelab.engine.store.RunStatus;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a run ended: its id in the store, its status and, when completed, its metrics with the event
 * count and the wall and CPU seconds the run took ({@code metrics} is null otherwise).
 */
public record RunOutcome(long runId, RunStatus status, RunSummary metrics, long events, double wallSeconds,
                         double cpuSeconds, String error, RunCost cost) {

    /** An outcome without cost keys. */
    public RunOutcome(long runId, RunStatus status, RunSummary metrics, long events, double wallSeconds, double cpuSeconds,
                      String error) {
        this(runId, status, metrics, events, wallSeconds, cpuSeconds, error, null);
    }

    /** A run that ended without a summary (cancelled). */
    static RunOutcome ended(long runId, RunStatus status, String error) {
        return new RunOutcome(runId, status, null, 0, 0, 0, error);
    }

    /**
     * The summary document that {@code servelab run --json} prints and the run store keeps: {@code run_id},
     * the metrics in vLLM's keys and order, {@code events}, {@code sim_wall_s}, {@code sim_cpu_s}, then the
     * cost keys of {@link RunCost} ({@code gpus}, {@code cost_per_hour_usd}, ...) when known; null
     * when the run did not complete.
     */
    public Map<String, Object> summary() {
        if (metrics == null) return null;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run_id", runId);
        m.putAll(metrics.toMap());
        m.put("events", events);
        m.put("sim_wall_s", wallSeconds);
        m.put("sim_cpu_s", cpuSeconds);
        if (cost != null) cost.putInto(m);
        return m;
    }
}
