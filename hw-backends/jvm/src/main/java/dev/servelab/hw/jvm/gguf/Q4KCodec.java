package dev.servelab.hw.jvm.gguf;

import dev.servelab.hw.kernels.GatherKernels;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * ggml's Q4_K super-block ({@code block_q4_K}, type id 12, 144 bytes per 256 weights): F16
 * {@code d}, F16 {@code dmin}, 12 bytes packing eight 6-bit scales {@code sc} and eight 6-bit mins
 * {@code m} (one pair per 32-weight sub-block; ggml's {@code get_scale_min_k4}), then 128 bytes of
 * nibbles: each 64 weights take 32 bytes, weight {@code l} in the low nibble of byte {@code l} and
 * weight {@code l + 32} in the high nibble. A weight of sub-block {@code j} decodes as
 * {@code d * sc[j] * nibble - dmin * m[j]} (ggml's {@code dequantize_row_q4_K}).
 *
 * <p>The encoder is a plain min/max quantiser (per sub-block scale {@code (max - min) / 15}, the
 * scales and mins rounded to 6 bits against the super-block's largest), not ggml's iterative
 * {@code make_qkx2_quants}: the bytes are valid Q4_K, decoded exactly as ggml decodes them, with a
 * somewhat larger quantisation error than llama.cpp's quantiser would leave.
 */
public final class Q4KCodec {
    public static final int BLOCK = 256;
    public static final int BLOCK_BYTES = 144;
    private static final int SUBS = 8;
    private static final ValueLayout.OfShort F16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private Q4KCodec() {
    }

    /** Encodes {@code values} (a multiple of 256 long) as GGUF Q4_K bytes. */
    public static byte[] encode(float[] values) {
        if (values.length % BLOCK != 0) {
            throw new IllegalArgumentException(values.length + " values are not a whole number of Q4_K super-blocks");
        }
        byte[] out = new byte[values.length / BLOCK * BLOCK_BYTES];
        for (int s = 0; s < values.length / BLOCK; s++) {
            encodeBlock(values, s * BLOCK, out, s * BLOCK_BYTES);
        }
        return out;
    }

    private static void encodeBlock(float[] x, int v, byte[] out, int o) {
        float[] scale = new float[SUBS];
        float[] min = new float[SUBS];
        float maxScale = 0f;
        float maxMin = 0f;
        for (int j = 0; j < SUBS; j++) {
            float lo = 0f;
            float hi = -Float.MAX_VALUE;
            for (int l = 0; l < 32; l++) {
                lo = Math.min(lo, x[v + 32 * j + l]);
                hi = Math.max(hi, x[v + 32 * j + l]);
            }
            scale[j] = (hi - lo) / 15f;
            min[j] = -lo;
            maxScale = Math.max(maxScale, scale[j]);
            maxMin = Math.max(maxMin, min[j]);
        }
        short dHalf = Float.floatToFloat16(maxScale / 63f);
        short mHalf = Float.floatToFloat16(maxMin / 63f);
        float d = Float.float16ToFloat(dHalf);
        float dmin = Float.float16ToFloat(mHalf);
        putShort(out, o, dHalf);
        putShort(out, o + 2, mHalf);
        int[] sc = new int[SUBS];
        int[] m = new int[SUBS];
        for (int j = 0; j < SUBS; j++) {
            sc[j] = d > 0f ? Math.min(63, Math.round(scale[j] / d)) : 0;
            m[j] = dmin > 0f ? Math.min(63, Math.round(min[j] / dmin)) : 0;
        }
        packScales(sc, m, out, o + 4);
        for (int j = 0; j < SUBS; j++) {
            float d1 = d * sc[j];
            float m1 = dmin * m[j];
            for (int l = 0; l < 32; l++) {
                int q = d1 > 0f ? Math.clamp(Math.round((x[v + 32 * j + l] + m1) / d1), 0, 15) : 0;
                int at = o + 16 + (j / 2) * 32 + l;
                out[at] = (byte) ((j & 1) == 0 ? (out[at] & 0xF0) | q : (out[at] & 0x0F) | q << 4);
            }
        }
    }

    /** ggml's packing of eight 6-bit scales and mins into 12 bytes (the inverse of {@link #scaleMin}). */
    static void packScales(int[] sc, int[] m, byte[] out, int o) {
        for (int j = 0; j < SUBS; j++) {
            if (j < 4) {
                out[o + j] = (byte) sc[j];
                out[o + j + 4] = (byte) m[j];
            } else {
                out[o + j + 4] = (byte) ((sc[j] & 0xF) | (m[j] & 0xF) << 4);
                out[o + j - 4] |= (byte) ((sc[j] >> 4) << 6);
                out[o + j] |= (byte) ((m[j] >> 4) << 6);
            }
        }
    }

    /** ggml's {@code get_scale_min_k4}: sub-block {@code j}'s 6-bit scale (index 0) and min (index 1). */
    static int[] scaleMin(MemorySegment q, long o, int j) {
        if (j < 4) {
            return new int[] {u8(q, o + j) & 63, u8(q, o + j + 4) & 63};
        }
        int sc = (u8(q, o + j + 4) & 0xF) | ((u8(q, o + j - 4) >> 6) << 4);
        int m = (u8(q, o + j + 4) >> 4) | ((u8(q, o + j) >> 6) << 4);
        return new int[] {sc, m};
    }

    /** Unpacks {@code elements} Q4_K values from GGUF bytes. */
    public static Q4KBlocks unpack(MemorySegment data, int elements) {
        int blocks = elements / BLOCK;
        byte[] qs = new byte[blocks * 128];
        float[] scales = new float[blocks * SUBS];
        float[] mins = new float[blocks * SUBS];
        for (int s = 0; s < blocks; s++) {
            long o = (long) s * BLOCK_BYTES;
            float d = Float.float16ToFloat(data.get(F16, o));
            float dmin = Float.float16ToFloat(data.get(F16, o + 2));
            for (int j = 0; j < SUBS; j++) {
                int[] sm = scaleMin(data, o + 4, j);
                scales[s * SUBS + j] = d * sm[0];
                mins[s * SUBS + j] = dmin * sm[1];
            }
            MemorySegment.copy(data, ValueLayout.JAVA_BYTE, o + 16, qs, s * 128, 128);
        }
        return new Q4KBlocks(qs, scales, mins);
    }

    /** Decodes GGUF Q4_K bytes to floats. */
    public static float[] decode(MemorySegment data, int elements) {
        Q4KBlocks q = unpack(data, elements);
        float[] out = new float[elements];
        for (int i = 0; i < elements; i++) {
            out[i] = GatherKernels.q4K(q.qs(), q.scales(), q.mins(), i);
        }
        return out;
    }

    private static int u8(MemorySegment q, long at) {
        return q.get(ValueLayout.JAVA_BYTE, at) & 0xFF;
    }

    private static void putShort(byte[] out, int o, short v) {
        out[o] = (byte) v;
        out[o + 1] = (byte) (v >>> 8);
    }
}
