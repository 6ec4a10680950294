package dev.servelab.engine.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.servelab.engine.ServeLabException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads the fields of one mapping of a pipeline file with defaults, type and range checks, and
 * reports unknown keys; every message names the path of the field (e.g. {@code pools[0].replicas}).
 */
final class NodeReader {
    private final ObjectNode node;
    private final String path;
    private final Set<String> read = new HashSet<>();

    NodeReader(JsonNode node, String path) {
        if (node != null && !node.isNull() && !node.isObject()) {
            throw new ServeLabException(path + ": expected a mapping, found " + describe(node));
        }
        this.node = node == null || node.isNull() ? JsonNodeFactory.instance.objectNode() : (ObjectNode) node;
        this.path = path;
    }

    String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    JsonNode raw(String key) {
        read.add(key);
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? null : v;
    }

    String string(String key, String def) {
        JsonNode v = raw(key);
        if (v == null) return def;
        if (!v.isValueNode()) throw new ServeLabException(path(key) + ": expected a string, found " + describe(v));
        return v.asText();
    }

    long integer(String key, long def, long min, long max) {
        JsonNode v = raw(key);
        if (v == null) return def;
        if (!v.isIntegralNumber()) throw new ServeLabException(path(key) + ": expected an integer, found " + describe(v));
        if (!v.canConvertToLong()) {
            throw new ServeLabException(path(key) + ": " + v.asText() + " is out of range [" + min + ", " + max + "]");
        }
        long x = v.asLong();
        if (x < min || x > max) throw new ServeLabException(path(key) + ": " + x + " is out of range [" + min + ", " + max + "]");
        return x;
    }

    double number(String key, double def, double min, double max) {
        Double x = optionalNumber(key, min, max);
        return x == null ? def : x;
    }

    Double optionalNumber(String key, double min, double max) {
        JsonNode v = raw(key);
        if (v == null) return null;
        if (!v.isNumber()) throw new ServeLabException(path(key) + ": expected a number, found " + describe(v));
        double x = v.asDouble();
        if (x < min || x > max) throw new ServeLabException(path(key) + ": " + v + " is out of range [" + min + ", " + max + "]");
        return x;
    }

    boolean bool(String key, boolean def) {
        JsonNode v = raw(key);
        if (v == null) return def;
        if (!v.isBoolean()) throw new ServeLabException(path(key) + ": expected true or false, found " + describe(v));
        return v.asBoolean();
    }

    /** A plugin node given as a mapping with {@code type}, or as a bare id string. */
    NodeSpec plugin(String key, String defaultType) {
        JsonNode v = raw(key);
        String p = path(key);
        if (v == null) return new NodeSpec(p, defaultType, JsonNodeFactory.instance.objectNode());
        if (v.isTextual()) return new NodeSpec(p, v.asText(), JsonNodeFactory.instance.objectNode());
        if (!v.isObject()) throw new ServeLabException(p + ": expected a plugin id or a mapping with 'type', found " + describe(v));
        ObjectNode settings = ((ObjectNode) v).deepCopy();
        JsonNode type = settings.remove("type");
        if (type != null && !type.isTextual()) throw new ServeLabException(p + ".type: expected a plugin id string");
        return new NodeSpec(p, type == null ? defaultType : type.asText(), settings);
    }

    List<JsonNode> list(String key) {
        JsonNode v = raw(key);
        if (v == null) return List.of();
        if (!v.isArray()) throw new ServeLabException(path(key) + ": expected a list, found " + describe(v));
        List<JsonNode> out = new ArrayList<>();
        v.forEach(out::add);
        return out;
    }

    /** Fails on the first key that no reader asked for. */
    void rejectUnknown() {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!read.contains(k)) {
                throw new ServeLabException(path(k) + ": unknown field (known here: " + String.join(", ", new java.util.TreeSet<>(read)) + ")");
            }
        }
    }

    static String describe(JsonNode v) {
        String s = v.toString();
        return v.getNodeType().name().toLowerCase() + " " + (s.length() > 40 ? s.substring(0, 40) + "…" : s);
    }
}
