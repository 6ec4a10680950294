package dev.servelab.app.editor;

import java.util.List;

/**
 * "Vary" picked on a property-sheet row: the field's dotted path in the pipeline file
 * ({@code pools.0.replicas}, {@code pools.0.scheduler}, {@code router}) and suggested values around the
 * current one, for the Experiments tab to add as an axis.
 */
public record VaryRequest(String path, List<String> values) {
    public VaryRequest {
        values = List.copyOf(values);
    }
}
