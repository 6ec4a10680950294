package dev.servelab.plugins.workload;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.servelab.engine.model.Request;
import dev.servelab.engine.plugin.PluginKind;
import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.engine.spi.PluginContext;
import dev.servelab.engine.spi.WorkloadContext;
import dev.servelab.engine.spi.WorkloadGenerator;
import dev.servelab.plugins.SharedData;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Builds generators through the real plugin registry from YAML settings, as a pipeline file would. */
final class GeneratorAssert {
    static final PluginRegistry REGISTRY = PluginRegistry.load();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private GeneratorAssert() {
    }

    static List<Request> generate(String id, String yamlSettings, long seed) throws IOException {
        return generate(id, yamlSettings, seed, null);
    }

    static List<Request> generate(String id, String yamlSettings, long seed, Path baseDir) throws IOException {
        ObjectNode settings = yamlSettings.isBlank() ? YAML.createObjectNode() : (ObjectNode) YAML.readTree(yamlSettings);
        WorkloadGenerator g = REGISTRY.create(PluginKind.WORKLOAD, id, settings, new PluginContext(seed, "workload", -1));
        return SharedData.readAll(g.open(new WorkloadContext(seed, 0, baseDir)));
    }

    static void within(double expected, double actual, double relative, String what) {
        assertEquals(expected, actual, Math.abs(expected) * relative, what + ": expected " + expected + " ± " + relative * 100 + " %, was " + actual);
    }
}
