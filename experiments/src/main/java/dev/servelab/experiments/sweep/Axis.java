package dev.servelab.experiments.sweep;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.Serializable;
import java.util.List;

/**
 * One varied pipeline field: its dotted path (as {@code run --set} takes it, e.g. {@code pools.0.replicas})
 * and the values it takes, in the order the sweep file lists them ({@code {range: [a, b]}} expands to
 * a..b inclusive).
 */
public record Axis(String path, List<JsonNode> values) implements Serializable {
    public Axis {
        values = List.copyOf(values);
    }

    /** The {@code --set} assignment giving this axis its {@code i}-th value (JSON is valid YAML flow). */
    public String assignment(int i) {
        return path + "=" + values.get(i).toString();
    }
}
