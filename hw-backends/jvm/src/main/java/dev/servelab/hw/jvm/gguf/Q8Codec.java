package dev.servelab.hw.jvm.gguf;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * ggml's Q8_0 block: an F16 scale {@code d = max|x| / 127} then 32 signed bytes
 * {@code q = round(x / d)}; a value decodes as {@code q * d}. So every element's error is at most
 * {@code d / 2} (plus the scale's own F16 rounding).
 */
public final class Q8Codec {
    public static final int BLOCK = 32;
    public static final int BLOCK_BYTES = 34;
    private static final ValueLayout.OfShort F16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private Q8Codec() {
    }

    /** Encodes {@code values} (a multiple of 32 long) as GGUF Q8_0 bytes. */
    public static byte[] encode(float[] values) {
        if (values.length % BLOCK != 0) {
            throw new IllegalArgumentException(values.length + " values are not a whole number of Q8_0 blocks");
        }
        byte[] out = new byte[values.length / BLOCK * BLOCK_BYTES];
        for (int b = 0; b < values.length / BLOCK; b++) {
            float amax = 0f;
            for (int j = 0; j < BLOCK; j++) {
                amax = Math.max(amax, Math.abs(values[b * BLOCK + j]));
            }
            float d = amax / 127f;
            float inv = d == 0f ? 0f : 1f / d;
            short half = Float.floatToFloat16(d);
            int o = b * BLOCK_BYTES;
            out[o] = (byte) half;
            out[o + 1] = (byte) (half >>> 8);
            for (int j = 0; j < BLOCK; j++) {
                out[o + 2 + j] = (byte) Math.round(values[b * BLOCK + j] * inv);
            }
        }
        return out;
    }

    /** Unpacks {@code elements} Q8_0 values from GGUF bytes. */
    public static Q8Blocks unpack(MemorySegment data, int elements) {
        int blocks = elements / BLOCK;
        byte[] qs = new byte[elements];
        float[] scales = new float[blocks];
        for (int b = 0; b < blocks; b++) {
            long o = (long) b * BLOCK_BYTES;
            scales[b] = Float.float16ToFloat(data.get(F16, o));
            MemorySegment.copy(data, ValueLayout.JAVA_BYTE, o + 2, qs, b * BLOCK, BLOCK);
        }
        return new Q8Blocks(qs, scales);
    }

    /** Decodes GGUF Q8_0 bytes to floats. */
    public static float[] decode(MemorySegment data, int elements) {
        Q8Blocks q = unpack(data, elements);
        float[] out = new float[elements];
        for (int i = 0; i < elements; i++) {
            out[i] = q.qs()[i] * q.scales()[i / BLOCK];
        }
        return out;
    }
}
