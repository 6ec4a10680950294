package dev.servelab.engine.store;

/** What is known about a run when it starts. */
public record NewRun(String name, String mode, long seed, String workload, int replicas, long bucketMs,
                     String pipelineJson, String versionsJson) {
}
