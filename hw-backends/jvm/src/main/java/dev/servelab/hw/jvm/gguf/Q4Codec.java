package dev.servelab.hw.jvm.gguf;

import dev.servelab.hw.kernels.GatherKernels;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * ggml's Q4_0 block ({@code block_q4_0}, type id 2): an F16 scale {@code d} then 16 bytes; byte
 * {@code j} holds weight {@code j}'s nibble in its low four bits and weight {@code j+16}'s in its
 * high four, and a weight decodes as {@code (nibble - 8) * d} (ggml's {@code dequantize_row_q4_0}).
 * The encoder follows ggml's {@code quantize_row_q4_0_ref}: {@code d = max / -8} where {@code max}
 * is the value of largest magnitude, nibble {@code = min(15, (int) (x / d + 8.5))}.
 */
public final class Q4Codec {
    public static final int BLOCK = 32;
    public static final int BLOCK_BYTES = 18;
    private static final ValueLayout.OfShort F16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private Q4Codec() {
    }

    /** Encodes {@code values} (a multiple of 32 long) as GGUF Q4_0 bytes. */
    public static byte[] encode(float[] values) {
        if (values.length % BLOCK != 0) {
            throw new IllegalArgumentException(values.length + " values are not a whole number of Q4_0 blocks");
        }
        byte[] out = new byte[values.length / BLOCK * BLOCK_BYTES];
        for (int b = 0; b < values.length / BLOCK; b++) {
            int v = b * BLOCK;
            float amax = 0f;
            float max = 0f;
            for (int j = 0; j < BLOCK; j++) {
                if (amax < Math.abs(values[v + j])) {
                    amax = Math.abs(values[v + j]);
                    max = values[v + j];
                }
            }
            float d = max / -8f;
            float id = d != 0f ? 1f / d : 0f;
            short half = Float.floatToFloat16(d);
            int o = b * BLOCK_BYTES;
            out[o] = (byte) half;
            out[o + 1] = (byte) (half >>> 8);
            for (int j = 0; j < BLOCK / 2; j++) {
                int lo = Math.min(15, (int) (values[v + j] * id + 8.5f));
                int hi = Math.min(15, (int) (values[v + j + BLOCK / 2] * id + 8.5f));
                out[o + 2 + j] = (byte) (lo | hi << 4);
            }
        }
        return out;
    }

    /** Unpacks {@code elements} Q4_0 values from GGUF bytes. */
    public static Q4Blocks unpack(MemorySegment data, int elements) {
        int blocks = elements / BLOCK;
        byte[] qs = new byte[blocks * 16];
        float[] scales = new float[blocks];
        for (int b = 0; b < blocks; b++) {
            long o = (long) b * BLOCK_BYTES;
            scales[b] = Float.float16ToFloat(data.get(F16, o));
            MemorySegment.copy(data, ValueLayout.JAVA_BYTE, o + 2, qs, b * 16, 16);
        }
        return new Q4Blocks(qs, scales);
    }

    /** Decodes GGUF Q4_0 bytes to floats. */
    public static float[] decode(MemorySegment data, int elements) {
        Q4Blocks q = unpack(data, elements);
        float[] out = new float[elements];
        for (int i = 0; i < elements; i++) {
            out[i] = GatherKernels.q4_0(q.qs(), q.scales(), i);
        }
        return out;
    }
}
