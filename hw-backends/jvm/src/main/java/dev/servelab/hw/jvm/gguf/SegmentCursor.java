package dev.servelab.hw.jvm.gguf;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Reads little-endian GGUF primitives from a memory segment, failing with the file and field named. */
final class SegmentCursor {
    private static final ValueLayout.OfInt U32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfLong U64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfShort U16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private final MemorySegment segment;
    private final String source;
    private long position;

    SegmentCursor(MemorySegment segment, String source) {
        this.segment = segment;
        this.source = source;
    }

    long position() {
        return position;
    }

    private long take(long bytes, String field) {
        if (bytes < 0 || position + bytes > segment.byteSize()) {
            throw new GgufFormatException(source + ": file ends while reading " + field + " at byte "
                    + position + " (file has " + segment.byteSize() + " bytes)");
        }
        long at = position;
        position += bytes;
        return at;
    }

    int u8(String field) {
        return segment.get(ValueLayout.JAVA_BYTE, take(1, field)) & 0xFF;
    }

    short u16(String field) {
        return segment.get(U16, take(2, field));
    }

    int u32(String field) {
        return segment.get(U32, take(4, field));
    }

    long u64(String field) {
        return segment.get(U64, take(8, field));
    }

    /** A u64 count that must fit the remaining file at {@code minBytesEach} bytes per item. */
    long count(String field, long minBytesEach) {
        long n = u64(field);
        long remaining = segment.byteSize() - position;
        if (n < 0 || (minBytesEach > 0 && n > remaining / minBytesEach)) {
            throw new GgufFormatException(source + ": " + field + " = " + Long.toUnsignedString(n)
                    + " is impossible for a file with " + remaining + " bytes left");
        }
        return n;
    }

    String string(String field) {
        long length = count(field + " (string length)", 1);
        if (length > Integer.MAX_VALUE) {
            throw new GgufFormatException(source + ": " + field + " string of " + length + " bytes is too long");
        }
        long at = take(length, field);
        byte[] bytes = segment.asSlice(at, length).toArray(ValueLayout.JAVA_BYTE);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
