package dev.servelab.app.editor;

import com.fasterxml.jackson.databind.JsonNode;

/** How a pool node is summed up on its card and in the property sheet: {@code 4 × llama-3.1-8b on h100-sxm}. */
final class PoolLabel {
    private PoolLabel() {
    }

    static int replicas(GraphNode pool) {
        JsonNode r = pool.settings.get("replicas");
        return r != null && r.canConvertToInt() ? r.asInt() : 1;
    }

    static String of(GraphNode pool) {
        int tp = intOr(pool.settings.get("tensor_parallel"), 1);
        return replicas(pool) + " × " + text(pool, "model", "llama-3.1-8b") + " on " + text(pool, "hardware", "h100-sxm")
                + (tp > 1 ? " (TP " + tp + ")" : "");
    }

    /** The card's second line: the replica count. */
    static String count(GraphNode pool) {
        int n = replicas(pool);
        return n + (n == 1 ? " replica" : " replicas");
    }

    private static String text(GraphNode n, String key, String def) {
        JsonNode v = n.settings.get(key);
        return v == null ? def : v.asText();
    }

    private static int intOr(JsonNode v, int def) {
        return v != null && v.canConvertToInt() ? v.asInt() : def;
    }
}
