package dev.servelab.hw.jvm.gguf;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A GGUF file's key-value metadata in file order, with typed getters whose errors name the source
 * file and the key.
 */
public final class GgufMetadata {
    private final String source;
    private final Map<String, GgufValue> entries;

    public GgufMetadata(String source, Map<String, GgufValue> entries) {
        this.source = source;
        this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    public Map<String, GgufValue> entries() {
        return entries;
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    public String string(String key) {
        return (String) require(key, GgufValueType.STRING).value();
    }

    public String string(String key, String fallback) {
        return has(key) ? string(key) : fallback;
    }

    public long integer(String key) {
        GgufValue v = get(key);
        if (!v.type().isInteger()) {
            throw wrongType(key, v.type(), "an integer");
        }
        return (Long) v.value();
    }

    public int int32(String key) {
        long v = integer(key);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new GgufFormatException(source + ": metadata '" + key + "' = " + v + " is out of int range");
        }
        return (int) v;
    }

    public int int32(String key, int fallback) {
        return has(key) ? int32(key) : fallback;
    }

    public float float32(String key, float fallback) {
        if (!has(key)) {
            return fallback;
        }
        GgufValue v = get(key);
        if (!v.type().isFloat()) {
            throw wrongType(key, v.type(), "a float");
        }
        return ((Number) v.value()).floatValue();
    }

    public List<Object> array(String key) {
        return ((GgufArray) require(key, GgufValueType.ARRAY).value()).elements();
    }

    public List<String> strings(String key) {
        GgufArray a = (GgufArray) require(key, GgufValueType.ARRAY).value();
        if (a.elementType() != GgufValueType.STRING) {
            throw wrongType(key, a.elementType(), "an array of STRING");
        }
        return a.elements().stream().map(String.class::cast).toList();
    }

    public GgufValue get(String key) {
        GgufValue v = entries.get(key);
        if (v == null) {
            throw new GgufFormatException(source + ": metadata key '" + key + "' is missing");
        }
        return v;
    }

    private GgufValue require(String key, GgufValueType type) {
        GgufValue v = get(key);
        if (v.type() != type) {
            throw wrongType(key, v.type(), type.name());
        }
        return v;
    }

    private GgufFormatException wrongType(String key, GgufValueType actual, String expected) {
        return new GgufFormatException(source + ": metadata '" + key + "' has type " + actual
                + ", expected " + expected);
    }
}
