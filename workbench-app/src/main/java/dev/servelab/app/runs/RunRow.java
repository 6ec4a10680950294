package dev.servelab.app.runs;

import dev.servelab.app.data.Summary;
import dev.servelab.engine.store.RunInfo;

/** One line of the runs browser: a run and its headline numbers (NaN when it did not complete). */
public record RunRow(long id, String name, String mode, String status, String created, String workload,
                     double completed, double requestThroughput, double meanTtftMs, double p99TtftMs,
                     double meanTpotMs, double goodput) {
    public static RunRow of(RunInfo r) {
        Summary s = Summary.parse(r.summaryJson());
        return new RunRow(r.runId(), r.name(), r.mode(), r.status().dbValue(),
                r.createdAt() == null ? "" : r.createdAt().replace('T', ' ').replaceFirst("\\..*", ""), r.workload(),
                s.get("completed"), s.get("request_throughput"), s.get("mean_ttft_ms"), s.get("p99_ttft_ms"),
                s.get("mean_tpot_ms"), s.get("request_goodput"));
    }
}
