package dev.servelab.app.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servelab.engine.metrics.MetricKey;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** A run's stored summary (vLLM {@code bench serve} keys) as numbers; absent keys read as NaN. */
public record Summary(Map<String, Double> values) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static Summary parse(String json) {
        Map<String, Double> m = new LinkedHashMap<>();
        if (json != null) {
            try {
                JsonNode n = JSON.readTree(json);
                n.properties().forEach(e -> {
                    if (e.getValue().isNumber()) m.put(e.getKey(), e.getValue().asDouble());
                });
            } catch (IOException e) {
                // a summary that does not parse shows as empty
            }
        }
        return new Summary(Map.copyOf(m));
    }

    /** A metric's value, NaN when the summary has none. */
    public double get(MetricKey key) {
        return get(key.key());
    }

    public double get(String key) {
        return values.getOrDefault(key, Double.NaN);
    }
}
