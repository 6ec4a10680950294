package dev.servelab.app.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.util.List;

/**
 * One axis of the experiment being composed: a dotted path of the pipeline ({@code pools.0.replicas})
 * and its values as typed, a comma-separated list ({@code 1, 2, 4}) or an integer range
 * ({@code 1..16} or {@code 1..16 step 2}); {@link #node()} is the {@code vary:} entry of the sweep file.
 */
public record AxisDraft(String path, String values) {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** An axis over these values (as the property sheet suggests them). */
    public static AxisDraft of(String path, List<String> values) {
        return new AxisDraft(path, String.join(", ", values));
    }

    /** The sweep file's entry: a list of scalars, or {@code {range: [first, last, step]}}. */
    public JsonNode node() {
        String v = values.strip();
        var m = java.util.regex.Pattern.compile("(-?\\d+)\\s*\\.\\.\\s*(-?\\d+)(?:\\s+step\\s+(\\d+))?").matcher(v);
        if (m.matches()) {
            ObjectNode r = JsonNodeFactory.instance.objectNode();
            ArrayNode a = r.putArray("range");
            a.add(Long.parseLong(m.group(1)));
            a.add(Long.parseLong(m.group(2)));
            if (m.group(3) != null) a.add(Long.parseLong(m.group(3)));
            return r;
        }
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        if (v.startsWith("[") && v.endsWith("]")) v = v.substring(1, v.length() - 1);
        for (String s : v.split(",")) if (!s.isBlank()) list.add(scalar(s.strip()));
        return list;
    }

    /** How many values the axis has (a range counted out). */
    public int size() {
        JsonNode n = node();
        if (n.isArray()) return n.size();
        JsonNode r = n.get("range");
        long step = r.size() == 3 ? Math.max(1, r.get(2).asLong()) : 1;
        return (int) Math.max(0, (r.get(1).asLong() - r.get(0).asLong()) / step + 1);
    }

    private static JsonNode scalar(String s) {
        try {
            JsonNode n = YAML.readTree(s);
            return n == null || !n.isValueNode() ? TextNode.valueOf(s) : n;
        } catch (java.io.IOException e) {
            return TextNode.valueOf(s);
        }
    }
}
