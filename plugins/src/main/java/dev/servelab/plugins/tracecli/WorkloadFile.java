package dev.servelab.plugins.tracecli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.pipeline.NodeSpec;
import dev.servelab.engine.pipeline.PipelineLoader;
import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.engine.spi.RequestStream;
import dev.servelab.engine.workload.WorkloadFactory;

import java.nio.file.Path;

/**
 * A workload node read from a YAML or JSON file: a pipeline (its {@code workload:}), a file written by
 * {@code trace fit}, or a bare node with {@code type}. Relative paths resolve against the file's folder.
 */
record WorkloadFile(Path file, NodeSpec node) {

    static WorkloadFile read(Path file) {
        ObjectNode tree = PipelineLoader.readTree(file);
        JsonNode w = tree.has("workload") ? tree.get("workload") : tree;
        if (!w.isObject() || !w.hasNonNull("type")) throw new ServeLabException(file + ": workload: needs a mapping with 'type'");
        ObjectNode settings = ((ObjectNode) w).deepCopy();
        String type = settings.remove("type").asText();
        return new WorkloadFile(file, new NodeSpec("workload", type, settings));
    }

    static RequestStream open(PluginRegistry registry, NodeSpec node, long seed, long requests, Path baseDir) {
        return WorkloadFactory.open(registry, node, seed, requests, baseDir);
    }

    RequestStream open(PluginRegistry registry, long seed, long requests) {
        Path dir = file.toAbsolutePath().getParent();
        return open(registry, node, seed, requests, dir);
    }
}
