package dev.servelab.hw.jvm.gguf;

import java.util.ArrayList;
import java.util.List;

/** Parses metadata values (type id u32, then the value; arrays: element type u32, count u64, elements). */
final class GgufValueReader {
    private final SegmentCursor in;
    private final String source;

    GgufValueReader(SegmentCursor in, String source) {
        this.in = in;
        this.source = source;
    }

    GgufValue read(String key) {
        GgufValueType type = type(in.u32("type of metadata '" + key + "'"), key);
        if (type != GgufValueType.ARRAY) {
            return new GgufValue(type, scalar(type, key));
        }
        GgufValueType elementType = type(in.u32("element type of metadata '" + key + "'"), key);
        if (elementType == GgufValueType.ARRAY) {
            throw new GgufFormatException(source + ": metadata '" + key + "' is an array of arrays (not supported)");
        }
        long n = in.count("length of metadata array '" + key + "'", Math.max(1, elementType.bytes()));
        List<Object> elements = new ArrayList<>((int) Math.min(n, 1 << 20));
        for (long i = 0; i < n; i++) {
            elements.add(scalar(elementType, key));
        }
        return new GgufValue(GgufValueType.ARRAY, new GgufArray(elementType, elements));
    }

    private GgufValueType type(int id, String key) {
        GgufValueType type = GgufValueType.byId(id);
        if (type == null) {
            throw new GgufFormatException(source + ": metadata '" + key + "' has unknown value type id " + id);
        }
        return type;
    }

    private Object scalar(GgufValueType type, String key) {
        String field = "value of metadata '" + key + "'";
        return switch (type) {
            case UINT8 -> (long) in.u8(field);
            case INT8 -> (long) (byte) in.u8(field);
            case UINT16 -> (long) (in.u16(field) & 0xFFFF);
            case INT16 -> (long) in.u16(field);
            case UINT32 -> in.u32(field) & 0xFFFF_FFFFL;
            case INT32 -> (long) in.u32(field);
            case UINT64, INT64 -> in.u64(field);
            case FLOAT32 -> Float.intBitsToFloat(in.u32(field));
            case FLOAT64 -> Double.longBitsToDouble(in.u64(field));
            case BOOL -> in.u8(field) != 0;
            case STRING -> in.string(field);
            case ARRAY -> throw new IllegalStateException("nested array");
        };
    }
}
