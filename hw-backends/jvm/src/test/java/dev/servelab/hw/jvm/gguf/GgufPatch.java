package dev.servelab.hw.jvm.gguf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Edits a GGUF file's bytes in place for tests of malformed models: a metadata value after its key,
 * a tensor info's dimension, type or offset after its name. Finds the key or name by its bytes (the
 * u64 length prefix and the string), as they are written in the header.
 */
public final class GgufPatch {
    private final byte[] bytes;

    public GgufPatch(byte[] bytes) {
        this.bytes = bytes;
    }

    public byte[] bytes() {
        return bytes;
    }

    /** Position just after the length-prefixed string {@code s} (its first occurrence in the header). */
    private int after(String s) {
        byte[] key = s.getBytes(StandardCharsets.UTF_8);
        ByteBuffer prefix = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(key.length);
        byte[] needle = new byte[8 + key.length];
        System.arraycopy(prefix.array(), 0, needle, 0, 8);
        System.arraycopy(key, 0, needle, 8, key.length);
        outer:
        for (int i = 0; i + needle.length <= bytes.length; i++) {
            for (int j = 0; j < needle.length; j++) if (bytes[i + j] != needle[j]) continue outer;
            return i + needle.length;
        }
        throw new IllegalArgumentException("'" + s + "' is not in the file");
    }

    private ByteBuffer at(int pos) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).position(pos);
    }

    /** Sets a 32-bit metadata value (its type tag stays). */
    public GgufPatch metadataU32(String key, int value) {
        at(after(key) + 4).putInt(value);
        return this;
    }

    /** Sets dimension {@code d} of a tensor's info. */
    public GgufPatch tensorDim(String name, int d, long value) {
        at(after(name) + 4 + 8 * d).putLong(value);
        return this;
    }

    /** Sets a tensor's ggml type id. */
    public GgufPatch tensorType(String name, int typeId) {
        int p = after(name);
        int nDims = at(p).getInt();
        at(p + 4 + 8 * nDims).putInt(typeId);
        return this;
    }

    /** Sets a tensor's data offset. */
    public GgufPatch tensorOffset(String name, long offset) {
        int p = after(name);
        int nDims = at(p).getInt();
        at(p + 4 + 8 * nDims + 4).putLong(offset);
        return this;
    }
}
