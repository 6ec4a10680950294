package dev.servelab.app.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.Arrays;

/**
 * Which pool each replica belongs to, from a run's {@code pipeline_json}: pools in order, each
 * {@code replicas} long (1 when absent), numbered as the engine numbers replicas. Replicas beyond
 * what the pipeline names (or a pipeline that does not parse) get an empty name.
 */
public final class PoolNames {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PoolNames() {
    }

    /** {@code replicas} names, one per replica index. */
    public static String[] of(String pipelineJson, int replicas) {
        String[] out = new String[Math.max(0, replicas)];
        Arrays.fill(out, "");
        if (pipelineJson == null) return out;
        try {
            JsonNode pools = JSON.readTree(pipelineJson).path("pools");
            int r = 0;
            for (JsonNode p : pools) {
                String name = p.path("name").asText("");
                int n = Math.max(0, p.path("replicas").asInt(1));
                for (int i = 0; i < n && r < out.length; i++) out[r++] = name;
            }
        } catch (IOException e) {
            // unnamed pools: the timeline shows plain replica numbers
        }
        return out;
    }

    /** Whether the names are worth showing: at least two different pools. */
    public static boolean distinct(String[] names) {
        return Arrays.stream(names).filter(s -> !s.isEmpty()).distinct().count() >= 2;
    }
}
