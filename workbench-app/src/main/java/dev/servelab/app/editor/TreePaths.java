package dev.servelab.app.editor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Dotted keys ({@code kv_cache.block_size}) on pipeline trees: the editor flattens nested sections. */
final class TreePaths {
    private TreePaths() {
    }

    static void put(ObjectNode root, String dotted, JsonNode value) {
        String[] parts = dotted.split("\\.");
        ObjectNode o = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode c = o.get(parts[i]);
            o = c instanceof ObjectNode on ? on : o.putObject(parts[i]);
        }
        o.set(parts[parts.length - 1], value);
    }

    /** Copies the scalar fields of {@code section} into {@code out} as {@code prefix.key}, skipping {@code skip}. */
    static void flatten(JsonNode section, String prefix, java.util.Map<String, JsonNode> out, String... skip) {
        if (section == null || !section.isObject()) return;
        section.properties().forEach(e -> {
            for (String s : skip) if (s.equals(e.getKey())) return;
            out.put(prefix + e.getKey(), e.getValue().deepCopy());
        });
    }
}
