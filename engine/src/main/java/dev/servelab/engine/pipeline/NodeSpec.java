package dev.servelab.engine.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A plugin node of a pipeline: its path in the file (for error messages, e.g. {@code pools[0].scheduler}),
 * its plugin id and its settings (every key of the node except {@code type}).
 */
public record NodeSpec(String path, String type, ObjectNode settings) {
}
