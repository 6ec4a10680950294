package dev.servelab.experiments.point;

import dev.servelab.engine.store.NewRun;
import dev.servelab.engine.store.RunInfo;

import java.io.Serializable;

/**
 * A run's row as a worker stored it (its id in that worker's store, what it ran, its status and summary),
 * so that a driver whose workers have stores of their own (Spark) can store the same run in its own.
 */
public record StoredRun(long runId, String name, String mode, long seed, String workload, int replicas, long bucketMs,
                        String pipelineJson, String versionsJson, String status, String summaryJson, String error)
        implements Serializable {

    public static StoredRun of(RunInfo r) {
        return new StoredRun(r.runId(), r.name(), r.mode(), r.seed(), r.workload(), r.replicas(), r.bucketMs(),
                r.pipelineJson(), r.versionsJson(), r.status().dbValue(), r.summaryJson(), r.error());
    }

    public NewRun newRun() {
        return new NewRun(name, mode, seed, workload, replicas, bucketMs, pipelineJson, versionsJson);
    }
}
