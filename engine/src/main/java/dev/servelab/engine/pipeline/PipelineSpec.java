package dev.servelab.engine.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.util.List;

/**
 * A whole serving pipeline: workload → admission → router → replica pools, plus SLOs and what to
 * record. {@code resolved} is the file's tree after {@code --set} overrides, as stored with each run;
 * {@code baseDir} resolves relative trace paths; {@code resilience} holds the {@code retry:},
 * {@code health:} and {@code faults:} sections.
 */
public record PipelineSpec(String name, String description, long seed, NodeSpec workload, NodeSpec admission,
                           NodeSpec router, List<PoolSpec> pools, SloSpec slo, MetricsSpec metrics,
                           ObjectNode resolved, Path baseDir, ResilienceSpec resilience) {
    /** A pipeline without retry or faults (default health tracking). */
    public PipelineSpec(String name, String description, long seed, NodeSpec workload, NodeSpec admission,
                        NodeSpec router, List<PoolSpec> pools, SloSpec slo, MetricsSpec metrics,
                        ObjectNode resolved, Path baseDir) {
        this(name, description, seed, workload, admission, router, pools, slo, metrics, resolved, baseDir, ResilienceSpec.NONE);
    }

    public int replicaCount() {
        return pools.stream().mapToInt(PoolSpec::replicas).sum();
    }

    /** Whether any pool is a remote endpoint: such a pipeline only runs live, on the wall clock. */
    public boolean hasRemotePools() {
        return pools.stream().anyMatch(PoolSpec::isRemote);
    }
}
