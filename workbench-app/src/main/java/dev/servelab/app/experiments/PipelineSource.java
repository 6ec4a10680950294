package dev.servelab.app.experiments;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;

/**
 * The pipeline an experiment varies: the editor's tree as it is now (edited, perhaps unsaved), the file
 * it came from (null when never saved; its directory resolves relative trace paths) and its name.
 */
public record PipelineSource(ObjectNode tree, Path file, String name) {
}
