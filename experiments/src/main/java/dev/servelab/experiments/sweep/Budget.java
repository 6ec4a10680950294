package dev.servelab.experiments.sweep;

import java.io.Serializable;

/**
 * Limits on a point's resources, checked before it runs: GPUs (replicas × tensor parallelism) and
 * price per hour; 0 means no limit. A point over budget is recorded {@code infeasible}.
 */
public record Budget(int maxGpus, double maxCostPerHourUsd) implements Serializable {
    public static final Budget NONE = new Budget(0, 0);
}
