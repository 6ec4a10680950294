package dev.servelab.engine.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.servelab.engine.ServeLabException;

/**
 * Applies {@code --set a.b.c=value} overrides to a pipeline tree before it is read. Path segments
 * are mapping keys or list indexes ({@code pools.0.replicas} or {@code pools[0].replicas}); the value
 * is read as a YAML scalar (so {@code 8} is a number, {@code true} a boolean, {@code route.x} a string).
 */
public final class Overrides {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Overrides() {
    }

    public static void apply(ObjectNode root, String assignment) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) throw new ServeLabException("--set " + assignment + ": expected key.path=value");
        String[] segments = assignment.substring(0, eq).trim().replace("[", ".").replace("]", "").split("\\.", -1);
        for (String segment : segments) {
            if (segment.isBlank()) {
                throw new ServeLabException("--set " + assignment + ": empty path segment; expected key.path=value");
            }
        }
        JsonNode value = parseValue(assignment.substring(eq + 1));
        JsonNode parent = root;
        for (int i = 0; i < segments.length - 1; i++) parent = child(parent, segments, i);
        String last = segments[segments.length - 1];
        if (parent instanceof ArrayNode array) {
            int idx = index(array, segments, segments.length - 1);
            array.set(idx, value);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
    }

    private static JsonNode child(JsonNode parent, String[] segments, int i) {
        String seg = segments[i];
        if (parent instanceof ArrayNode array) {
            return array.get(index(array, segments, i));
        }
        ObjectNode obj = (ObjectNode) parent;
        JsonNode next = obj.get(seg);
        if (next == null || next.isNull() || next.isValueNode()) {
            boolean wantsList = segments[i + 1].chars().allMatch(Character::isDigit);
            if (wantsList) throw new ServeLabException("--set: " + join(segments, i + 1) + " does not exist");
            ObjectNode created = obj.putObject(seg);
            // a plugin node given as a bare id keeps its id when one of its settings is overridden
            if (next != null && next.isTextual()) created.put("type", next.asText());
            next = created;
        }
        return next;
    }

    private static int index(ArrayNode array, String[] segments, int i) {
        try {
            int idx = Integer.parseInt(segments[i]);
            if (idx < 0 || idx >= array.size()) {
                throw new ServeLabException("--set: " + join(segments, i + 1) + ": index out of range (list has " + array.size() + ")");
            }
            return idx;
        } catch (NumberFormatException e) {
            throw new ServeLabException("--set: " + join(segments, i + 1) + ": expected a list index");
        }
    }

    private static String join(String[] segments, int n) {
        return String.join(".", java.util.Arrays.copyOf(segments, n));
    }

    private static JsonNode parseValue(String text) {
        if (text.isBlank()) return TextNode.valueOf("");
        try {
            JsonNode v = YAML.readTree(text);
            return v == null ? TextNode.valueOf(text) : v;
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(text);
        }
    }
}
