package dev.servelab.engine.store;

import java.util.Arrays;

/**
 * Compact storage of non-negative longs as LEB128 varints: per-token timestamps (as gaps) and
 * iteration records take a few bytes each instead of a row each.
 */
public final class VarintCodec {
    private byte[] buf;
    private int size;

    public VarintCodec(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    public void write(long v) {
        if (v < 0) throw new IllegalArgumentException("varint of a negative value: " + v);
        if (size + 10 > buf.length) buf = Arrays.copyOf(buf, buf.length * 2);
        while ((v & ~0x7FL) != 0) {
            buf[size++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[size++] = (byte) v;
    }

    public int size() {
        return size;
    }

    public void clear() {
        size = 0;
    }

    public byte[] toBytes() {
        return Arrays.copyOf(buf, size);
    }

    /** Decodes {@code count} varints from {@code data} (all of them when count is -1). */
    public static long[] decode(byte[] data, int count) {
        long[] out = new long[count >= 0 ? count : data.length];
        int n = 0;
        int i = 0;
        while (i < data.length && (count < 0 || n < count)) {
            long v = 0;
            int shift = 0;
            byte b;
            do {
                b = data[i++];
                v |= (long) (b & 0x7F) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
            out[n++] = v;
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }
}
