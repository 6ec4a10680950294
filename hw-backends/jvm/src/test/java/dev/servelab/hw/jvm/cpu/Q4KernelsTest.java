package dev.servelab.hw.jvm.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.servelab.hw.jvm.gguf.Q4Blocks;
import dev.servelab.hw.jvm.gguf.Q4Codec;
import dev.servelab.hw.jvm.gguf.Q4KBlocks;
import dev.servelab.hw.jvm.gguf.Q4KCodec;
import dev.servelab.hw.kernels.GaussianArrays;
import java.lang.foreign.MemorySegment;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Q4_0 and Q4_K against a float64 reference written from ggml's block definitions straight off the
 * GGUF bytes ({@code dequantize_row_q4_0}, {@code dequantize_row_q4_K} with
 * {@code get_scale_min_k4}): dequantisation must match exactly (every decoded weight is the float
 * nearest the exact value, which float64 holds exactly); matmuls (plain kernel and Vector API path,
 * 1 to 9 tokens) must be within {@code 1e-5 * sum_c |w_c * x_c|} of the float64 dot product.
 * Blocks are random bytes plus edge cases: scale 0, -0, the largest and the smallest subnormal
 * F16, negative scales, all-0 and all-15 nibbles, 6-bit scales and mins of 0 and 63.
 */
class Q4KernelsTest {
    private static final double TOLERANCE = 1e-5;
    /** F16 bit patterns: 0, -0, 1, -1, 65504 (largest), smallest subnormal, 2^-14 (smallest normal), -0.5. */
    private static final short[] EDGE_F16 = {0, (short) 0x8000, 0x3C00, (short) 0xBC00, 0x7BFF, 0x0001, 0x0400,
            (short) 0xB800};

    @Test
    void q4_0DequantisesExactlyAsGgml() {
        int rows = 12, cols = 128;
        byte[] gguf = q4_0Bytes(new Random(1), rows * cols);
        double[] ref = refQ4_0(gguf, rows * cols);
        Q4Blocks q = Q4Codec.unpack(MemorySegment.ofArray(gguf), rows * cols);
        float[] decoded = Q4Codec.decode(MemorySegment.ofArray(gguf), rows * cols);
        float[] row = new float[cols];
        for (int r = 0; r < rows; r++) {
            VectorMatmulPath.dequantRowQ4_0(q.qs(), q.scales(), r, cols, row, 0);
            for (int c = 0; c < cols; c++) {
                assertEquals((float) ref[r * cols + c], decoded[r * cols + c], 0f, "decode at " + (r * cols + c));
                assertEquals((float) ref[r * cols + c], row[c], 0f, "vector dequantRow at " + (r * cols + c));
            }
        }
    }

    @Test
    void q4KDequantisesExactlyAsGgml() {
        int rows = 6, cols = 512;
        byte[] gguf = q4KBytes(new Random(2), rows * cols);
        double[] ref = refQ4K(gguf, rows * cols);
        Q4KBlocks q = Q4KCodec.unpack(MemorySegment.ofArray(gguf), rows * cols);
        float[] decoded = Q4KCodec.decode(MemorySegment.ofArray(gguf), rows * cols);
        float[] row = new float[cols];
        for (int r = 0; r < rows; r++) {
            VectorMatmulPath.dequantRowQ4K(q.qs(), q.scales(), q.mins(), r, cols, row, 0);
            for (int c = 0; c < cols; c++) {
                assertEquals((float) ref[r * cols + c], decoded[r * cols + c], 0f, "decode at " + (r * cols + c));
                assertEquals((float) ref[r * cols + c], row[c], 0f, "vector dequantRow at " + (r * cols + c));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 4, 9})
    void q4_0MatmulsMatchFloat64Reference(int tokens) {
        int rows = 21, cols = 256;
        Random rnd = new Random(10 + tokens);
        byte[] gguf = q4_0Bytes(rnd, rows * cols);
        double[] w = refQ4_0(gguf, rows * cols);
        float[] x = GaussianArrays.of(rnd, tokens * cols);
        Q4Blocks q = Q4Codec.unpack(MemorySegment.ofArray(gguf), rows * cols);
        for (MatmulPath path : new MatmulPath[] {MatmulPath.plain(), MatmulPath.best()}) {
            float[] out = new float[tokens * rows];
            // odd split: the vector path's two-row loop meets a leftover row
            path.q4_0(q.qs(), q.scales(), x, out, rows, cols, tokens, 0, 7);
            path.q4_0(q.qs(), q.scales(), x, out, rows, cols, tokens, 7, rows);
            assertClose(w, x, out, rows, cols, tokens, path.label());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 4, 9})
    void q4KMatmulsMatchFloat64Reference(int tokens) {
        int rows = 13, cols = 768;
        Random rnd = new Random(20 + tokens);
        byte[] gguf = q4KBytes(rnd, rows * cols);
        double[] w = refQ4K(gguf, rows * cols);
        float[] x = GaussianArrays.of(rnd, tokens * cols);
        Q4KBlocks q = Q4KCodec.unpack(MemorySegment.ofArray(gguf), rows * cols);
        for (MatmulPath path : new MatmulPath[] {MatmulPath.plain(), MatmulPath.best()}) {
            float[] out = new float[tokens * rows];
            path.q4K(q.qs(), q.scales(), q.mins(), x, out, rows, cols, tokens, 0, 5);
            path.q4K(q.qs(), q.scales(), q.mins(), x, out, rows, cols, tokens, 5, rows);
            assertClose(w, x, out, rows, cols, tokens, path.label());
        }
    }

    @Test
    void q4_0BatchOneRowsDoNotDependOnTheSlicing() {
        int rows = 45, cols = 1024;
        Random rnd = new Random(30);
        byte[] gguf = q4_0Bytes(rnd, rows * cols);
        float[] x = GaussianArrays.of(rnd, cols);
        Q4Blocks q = Q4Codec.unpack(MemorySegment.ofArray(gguf), rows * cols);
        MatmulPath path = MatmulPath.best();
        float[] whole = new float[rows];
        path.q4_0(q.qs(), q.scales(), x, whole, rows, cols, 1, 0, rows);
        Slicings.assertSameWhateverTheSlicing(whole,
                (out, from, to) -> path.q4_0(q.qs(), q.scales(), x, out, rows, cols, 1, from, to), "Q4_0");
        assertClose(refQ4_0(gguf, rows * cols), x, whole, rows, cols, 1, path.label());
    }

    @Test
    void encodersRoundTripWithinOneQuantisationStep() {
        Random rnd = new Random(3);
        float[] values = GaussianArrays.of(rnd, 64 * 256);
        float[] q4 = Q4Codec.decode(MemorySegment.ofArray(Q4Codec.encode(values)), values.length);
        float[] q4k = Q4KCodec.decode(MemorySegment.ofArray(Q4KCodec.encode(values)), values.length);
        for (int b = 0; b < values.length / 32; b++) {
            float amax = 0f, lo = 0f, hi = -Float.MAX_VALUE;
            for (int j = 0; j < 32; j++) {
                amax = Math.max(amax, Math.abs(values[32 * b + j]));
                lo = Math.min(lo, values[32 * b + j]);
                hi = Math.max(hi, values[32 * b + j]);
            }
            for (int j = 0; j < 32; j++) {
                int i = 32 * b + j;
                // Q4_0: step amax/8; the value -max is clamped to 7 steps, one step off
                assertTrue(Math.abs(q4[i] - values[i]) <= amax / 8 * 1.01f, "q4_0 at " + i);
                // Q4_K: step (max-min)/15 after 6-bit rounding of scale and min; allow two steps
                assertTrue(Math.abs(q4k[i] - values[i]) <= 2 * (hi - lo) / 15 + 1e-3f, "q4_k at " + i);
            }
        }
    }

    private static void assertClose(double[] w, float[] x, float[] out, int rows, int cols, int tokens, String label) {
        for (int t = 0; t < tokens; t++) {
            for (int r = 0; r < rows; r++) {
                double dot = 0, abs = 0;
                for (int c = 0; c < cols; c++) {
                    dot += w[r * cols + c] * x[t * cols + c];
                    abs += Math.abs(w[r * cols + c] * x[t * cols + c]);
                }
                assertEquals(dot, out[t * rows + r], TOLERANCE * abs + 1e-30,
                        label + " token " + t + " row " + r);
            }
        }
    }

    /** Random Q4_0 blocks; every fourth block takes an edge scale, and some blocks have all-0 or all-15 nibbles. */
    private static byte[] q4_0Bytes(Random rnd, int elements) {
        byte[] out = new byte[elements / 32 * 18];
        rnd.nextBytes(out);
        for (int b = 0; b < elements / 32; b++) {
            int o = b * 18;
            short d = b % 4 == 0 ? EDGE_F16[(b / 4) % EDGE_F16.length] : Float.floatToFloat16((float) rnd.nextGaussian());
            out[o] = (byte) d;
            out[o + 1] = (byte) (d >> 8);
            if (b % 5 == 1) {
                java.util.Arrays.fill(out, o + 2, o + 18, (byte) 0);
            } else if (b % 5 == 2) {
                java.util.Arrays.fill(out, o + 2, o + 18, (byte) 0xFF);
            }
        }
        return out;
    }

    /** Random Q4_K super-blocks; edge d/dmin, and some with every 6-bit scale and min at 63 or at 0. */
    private static byte[] q4KBytes(Random rnd, int elements) {
        byte[] out = new byte[elements / 256 * 144];
        rnd.nextBytes(out);
        for (int s = 0; s < elements / 256; s++) {
            int o = s * 144;
            short d = s % 2 == 0 ? EDGE_F16[(s / 2) % EDGE_F16.length] : Float.floatToFloat16((float) rnd.nextGaussian() / 64);
            short dmin = s % 3 == 0 ? EDGE_F16[(s + 3) % EDGE_F16.length] : Float.floatToFloat16((float) rnd.nextGaussian() / 64);
            out[o] = (byte) d;
            out[o + 1] = (byte) (d >> 8);
            out[o + 2] = (byte) dmin;
            out[o + 3] = (byte) (dmin >> 8);
            if (s % 4 == 1) {
                java.util.Arrays.fill(out, o + 4, o + 16, (byte) 0xFF); // all scales and mins 63
            } else if (s % 4 == 3) {
                java.util.Arrays.fill(out, o + 4, o + 16, (byte) 0);
                java.util.Arrays.fill(out, o + 16, o + 144, (byte) 0xFF);
            }
        }
        return out;
    }

    private static double f16(byte[] b, int o) {
        return Float.float16ToFloat((short) ((b[o] & 0xFF) | (b[o + 1] & 0xFF) << 8));
    }

    /** ggml's dequantize_row_q4_0 in float64. */
    private static double[] refQ4_0(byte[] b, int elements) {
        double[] y = new double[elements];
        for (int i = 0; i < elements / 32; i++) {
            double d = f16(b, i * 18);
            for (int j = 0; j < 16; j++) {
                int q = b[i * 18 + 2 + j] & 0xFF;
                y[i * 32 + j] = ((q & 0x0F) - 8) * d;
                y[i * 32 + j + 16] = ((q >> 4) - 8) * d;
            }
        }
        return y;
    }

    /** ggml's dequantize_row_q4_K (with get_scale_min_k4) in float64. */
    private static double[] refQ4K(byte[] b, int elements) {
        double[] y = new double[elements];
        int at = 0;
        for (int i = 0; i < elements / 256; i++) {
            int o = i * 144;
            double d = f16(b, o);
            double min = f16(b, o + 2);
            int q = o + 16;
            int is = 0;
            for (int j = 0; j < 256; j += 64) {
                int[] sm1 = scaleMinK4(is, b, o + 4);
                int[] sm2 = scaleMinK4(is + 1, b, o + 4);
                for (int l = 0; l < 32; l++) {
                    y[at++] = d * sm1[0] * (b[q + l] & 0xF) - min * sm1[1];
                }
                for (int l = 0; l < 32; l++) {
                    y[at++] = d * sm2[0] * ((b[q + l] & 0xFF) >> 4) - min * sm2[1];
                }
                q += 32;
                is += 2;
            }
        }
        return y;
    }

    private static int[] scaleMinK4(int j, byte[] b, int o) {
        if (j < 4) {
            return new int[] {b[o + j] & 63, b[o + j + 4] & 63};
        }
        int sc = (b[o + j + 4] & 0xF) | (((b[o + j - 4] & 0xFF) >> 6) << 4);
        int m = ((b[o + j + 4] & 0xFF) >> 4) | (((b[o + j] & 0xFF) >> 6) << 4);
        return new int[] {sc, m};
    }
}
