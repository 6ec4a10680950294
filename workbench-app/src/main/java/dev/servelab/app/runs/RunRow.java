package dev.servelab.app.runs;

import dev.servelab.app.data.RunConfig;
import dev.servelab.app.data.Summary;
import dev.servelab.engine.metrics.MetricKey;
import dev.servelab.engine.store.RunInfo;

/**
 * One line of the runs browser: a run, its configuration and its headline numbers (NaN when it did not
 * complete); {@code summary} and {@code pipelineJson} keep everything else for the CSV and the config diff.
 */
public record RunRow(long id, String name, String mode, String status, String created, String workload,
                     double completed, double requestThroughput, double meanTtftMs, double p99TtftMs,
                     double meanTpotMs, double goodput, RunConfig config, Summary summary, String pipelineJson) {
    public static RunRow of(RunInfo r) {
        Summary s = Summary.parse(r.summaryJson());
        return new RunRow(r.runId(), r.name(), r.mode(), r.status().dbValue(),
                r.createdAt() == null ? "" : r.createdAt().replace('T', ' ').replaceFirst("\\..*", ""), r.workload(),
                s.get(MetricKey.COMPLETED), s.get(MetricKey.REQUEST_THROUGHPUT), s.get(MetricKey.MEAN_TTFT_MS),
                s.get(MetricKey.P99_TTFT_MS), s.get(MetricKey.MEAN_TPOT_MS), s.get(MetricKey.REQUEST_GOODPUT),
                RunConfig.of(r.pipelineJson()), s, r.pipelineJson());
    }

    /** The pools' hardware (joined with " + " when pools differ). */
    public String hardware() {
        return config.joined(RunConfig.Pool::hardware);
    }

    public int replicas() {
        return config.replicas();
    }

    public String tp() {
        return config.joined(RunConfig.Pool::tp);
    }

    public String scheduler() {
        return config.joined(RunConfig.Pool::scheduler);
    }

    public String executor() {
        return config.joined(RunConfig.Pool::executor);
    }

    public String router() {
        return config.router();
    }
}
