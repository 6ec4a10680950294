package dev.servelab.plugins.tracecli;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;

/**
 * Writes a fitted workload node as a compact YAML file: a comment saying where it came from, then
 * {@code workload:} with scalars one per line and the quantile tables as wrapped flow lists.
 */
final class FitYaml {
    private FitYaml() {
    }

    static String of(JsonNode node, String comment) {
        StringBuilder b = new StringBuilder();
        for (String line : comment.split("\n")) b.append("# ").append(line).append('\n');
        b.append("workload:\n");
        write(b, node, "  ");
        return b.toString();
    }

    private static void write(StringBuilder b, JsonNode node, String indent) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            b.append(indent).append(e.getKey()).append(':');
            if (v.isObject()) {
                b.append('\n');
                write(b, v, indent + "  ");
            } else if (v.isArray()) {
                list(b, v, indent + "  ");
            } else {
                b.append(' ').append(v.isTextual() ? v.asText() : v.toString()).append('\n');
            }
        }
    }

    private static void list(StringBuilder b, JsonNode v, String indent) {
        b.append(" [");
        int width = indent.length();
        for (int i = 0; i < v.size(); i++) {
            String item = v.get(i).toString() + (i + 1 < v.size() ? ", " : "");
            if (width + item.length() > 100) {
                b.append('\n').append(indent);
                width = indent.length();
            }
            b.append(item);
            width += item.length();
        }
        b.append("]\n");
    }
}
