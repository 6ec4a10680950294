package dev.servelab.plugins.rollout;

import dev.servelab.engine.pipeline.PipelineLoader;
import dev.servelab.engine.pipeline.PipelineSpec;
import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.engine.run.PipelineRun;
import dev.servelab.engine.run.RunOutcome;
import dev.servelab.engine.store.RunStore;
import dev.servelab.engine.workload.WorkloadFactory;

import java.nio.file.Path;

/**
 * Runs a rollout pipeline through the real engine into a real SQLite store. (The test kit's
 * {@code PipelineScenario} checks that every stored request is in the summary, which shadow copies,
 * by design, are not; so these tests run the pipeline themselves.)
 */
final class RolloutRuns {
    private RolloutRuns() {
    }

    static RunOutcome run(String yaml, Path db) {
        PluginRegistry registry = PluginRegistry.load();
        PipelineSpec spec = PipelineLoader.fromTree((com.fasterxml.jackson.databind.node.ObjectNode)
                yamlTree(yaml), "rollout-test", null);
        try (RunStore store = RunStore.open(db)) {
            return new PipelineRun(spec, registry, WorkloadFactory.open(registry, spec.workload(), spec.seed(), 0, null),
                    "test", 0, store).run("sim", null);
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode yamlTree(String yaml) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(yaml);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
