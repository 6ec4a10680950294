package dev.servelab.experiments;

import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.experiments.sweep.PointPlanner;
import dev.servelab.experiments.sweep.SweepReader;
import dev.servelab.experiments.sweep.SweepSpec;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The example sweeps of {@code sample-traces/experiments/} pass every check and plan the points
 * {@code docs/experiments.md} reports; the Azure one is skipped when the shared data folder is absent.
 */
class ExampleSweepsTest {
    private static final Path DIR = Path.of("").toAbsolutePath().getParent().resolve("sample-traces/experiments");

    private static SweepSpec read(String name) {
        return SweepReader.read(DIR.resolve(name), PluginRegistry.load());
    }

    @Test
    void capacityAndSarathiAndThroughputExamplesPlanTheirPoints() {
        assertEquals(12, PointPlanner.plan(read("capacity-routers.yaml")).size());
        assertEquals(25, PointPlanner.plan(read("sarathi-heatmap.yaml")).size());
        assertEquals(1000, PointPlanner.plan(read("throughput-1000.yaml")).size());
    }

    @Test
    void azureEndpointConfigurationExamplePlansItsGrid() {
        Path trace = DIR.resolve("../../../shared/traces/azure-llm-2023/AzureLLMInferenceTrace_conv.csv").normalize();
        assumeTrue(Files.isRegularFile(trace), "shared data folder absent: " + trace);
        assertEquals(256, PointPlanner.plan(read("conv-endpoint-config.yaml")).size());
    }
}
