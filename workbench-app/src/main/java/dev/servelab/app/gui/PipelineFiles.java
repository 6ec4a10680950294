package dev.servelab.app.gui;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.servelab.engine.ServeLabException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes pipeline trees as YAML or JSON (by extension), the same files {@code servelab run} reads. */
public final class PipelineFiles {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PipelineFiles() {
    }

    public static void save(ObjectNode tree, Path file) {
        try {
            ObjectMapper m = file.toString().endsWith(".json") ? JSON : YAML;
            Files.writeString(file, m.writeValueAsString(tree));
        } catch (IOException e) {
            throw new ServeLabException(file + ": cannot save: " + e.getMessage(), e);
        }
    }
}
