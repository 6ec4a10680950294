package dev.servelab.engine.store;

/** One row of the {@code runs} table, without the large JSON columns' parsing. */
public record RunInfo(long runId, String name, String mode, RunStatus status, String createdAt, String finishedAt,
                      long seed, String workload, int replicas, long bucketMs, String pipelineJson,
                      String versionsJson, String summaryJson, String error) {
}
