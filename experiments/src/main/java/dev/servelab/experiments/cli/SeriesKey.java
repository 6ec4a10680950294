package dev.servelab.experiments.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servelab.engine.ServeLabException;

import java.util.List;
import java.util.StringJoiner;

/**
 * The series label of a point for {@code sweep pareto --series}: the values of the given parameter paths,
 * joined by spaces (the legend's heading names the paths). A path names a varied parameter or reaches inside one whose values
 * are objects ({@code workload.output.mean} inside the varied {@code workload}).
 */
final class SeriesKey {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SeriesKey() {
    }

    static String of(String paramsJson, List<String> paths) {
        JsonNode params;
        try {
            params = JSON.readTree(paramsJson);
        } catch (java.io.IOException e) {
            throw new ServeLabException("cannot read a point's parameters: " + e.getMessage(), e);
        }
        StringJoiner label = new StringJoiner(" ");
        for (String path : paths) label.add(text(value(params, path)));
        return label.toString();
    }

    /** The value at {@code path}: a parameter of that name, or the longest parameter prefix and the rest inside it. */
    static JsonNode value(JsonNode params, String path) {
        if (params.has(path)) return params.get(path);
        for (int dot = path.lastIndexOf('.'); dot > 0; dot = path.lastIndexOf('.', dot - 1)) {
            JsonNode v = params.get(path.substring(0, dot));
            if (v == null) continue;
            for (String part : path.substring(dot + 1).split("\\.")) v = v == null ? null : v.get(part);
            if (v != null) return v;
        }
        throw new ServeLabException("--series " + path + ": no varied parameter has this path (parameters: "
                + names(params) + ")");
    }

    private static String names(JsonNode params) {
        StringJoiner j = new StringJoiner(", ");
        params.fieldNames().forEachRemaining(j::add);
        return j.toString();
    }

    private static String text(JsonNode v) {
        return v.isValueNode() ? v.asText() : v.toString();
    }
}
