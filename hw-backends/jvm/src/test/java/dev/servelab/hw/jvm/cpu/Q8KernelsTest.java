package dev.servelab.hw.jvm.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.servelab.hw.jvm.gguf.Q8Blocks;
import dev.servelab.hw.jvm.gguf.Q8Codec;
import dev.servelab.hw.kernels.GaussianArrays;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Q8_0 batch-1 kernels (the Vector API path's four-row pass with its one-row remainder, and
 * the plain kernel) against a float64 transcription of ggml's {@code dequantize_row_q8_0} straight
 * off the GGUF bytes: every output within {@code 1e-5 * sum_c |w_c * x_c|} of the float64 dot
 * product. Blocks are random plus edge cases: scale 0, -0, the largest and the smallest subnormal
 * F16, negative scales, quants of -128 and 127 and all-zero blocks. A row's result must not depend
 * on how the row range is cut into slices (the thread runner's chunks), bit for bit.
 */
class Q8KernelsTest {
    private static final double TOLERANCE = 1e-5;
    private static final short[] EDGE_F16 = {0, (short) 0x8000, 0x3C00, (short) 0xBC00, 0x7BFF, 0x0001, 0x0400,
            (short) 0xB800};

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 8, 13, 37})
    void batchOneMatchesFloat64Reference(int rows) {
        int cols = 256;
        Random rnd = new Random(100 + rows);
        byte[] gguf = q8Bytes(rnd, rows * cols);
        double[] w = refQ8_0(gguf, rows * cols);
        float[] x = GaussianArrays.of(rnd, cols);
        Q8Blocks q = Q8Codec.unpack(MemorySegment.ofArray(gguf), rows * cols);
        for (MatmulPath path : new MatmulPath[] {MatmulPath.plain(), MatmulPath.best()}) {
            float[] out = new float[rows];
            path.q8(q.qs(), q.scales(), x, out, rows, cols, 1, 0, rows);
            assertClose(w, x, out, rows, cols, path.label());
        }
    }

    @Test
    void rowResultsDoNotDependOnTheSlicing() {
        int rows = 45, cols = 1024;
        Random rnd = new Random(7);
        byte[] gguf = q8Bytes(rnd, rows * cols);
        float[] x = GaussianArrays.of(rnd, cols);
        Q8Blocks q = Q8Codec.unpack(MemorySegment.ofArray(gguf), rows * cols);
        MatmulPath path = MatmulPath.best();
        float[] whole = new float[rows];
        path.q8(q.qs(), q.scales(), x, whole, rows, cols, 1, 0, rows);
        for (int chunk : new int[] {1, 3, 4, 6, 7, 11, 16, 44}) {
            float[] sliced = new float[rows];
            for (int from = 0; from < rows; from += chunk) {
                path.q8(q.qs(), q.scales(), x, sliced, rows, cols, 1, from, Math.min(rows, from + chunk));
            }
            for (int r = 0; r < rows; r++) {
                assertEquals(Float.floatToRawIntBits(whole[r]), Float.floatToRawIntBits(sliced[r]),
                        "row " + r + " computed in slices of " + chunk);
            }
        }
        assertClose(refQ8_0(gguf, rows * cols), x, whole, rows, cols, path.label());
    }

    @Test
    void twoThreadRunnerGivesTheSerialResultBitForBit() {
        int rows = 2816, cols = 1024;
        Random rnd = new Random(11);
        byte[] gguf = q8Bytes(rnd, rows * cols);
        float[] x = GaussianArrays.of(rnd, cols);
        Q8Blocks q = Q8Codec.unpack(MemorySegment.ofArray(gguf), rows * cols);
        MatmulPath path = MatmulPath.best();
        float[] serial = new float[rows], parallel = new float[rows];
        path.q8(q.qs(), q.scales(), x, serial, rows, cols, 1, 0, rows);
        try (KernelRunner runner = new SpinningKernelRunner(2)) {
            runner.parallelFor(rows, cols, (f, t) -> path.q8(q.qs(), q.scales(), x, parallel, rows, cols, 1, f, t));
        }
        for (int r = 0; r < rows; r++) {
            assertEquals(Float.floatToRawIntBits(serial[r]), Float.floatToRawIntBits(parallel[r]), "row " + r);
        }
    }

    private static void assertClose(double[] w, float[] x, float[] out, int rows, int cols, String label) {
        for (int r = 0; r < rows; r++) {
            double dot = 0, abs = 0;
            for (int c = 0; c < cols; c++) {
                dot += w[r * cols + c] * x[c];
                abs += Math.abs(w[r * cols + c] * x[c]);
            }
            assertEquals(dot, out[r], TOLERANCE * abs + 1e-30, label + " row " + r);
        }
    }

    /** Random Q8_0 blocks; every fourth block takes an edge scale, some blocks are all 0, all -128 or all 127. */
    private static byte[] q8Bytes(Random rnd, int elements) {
        byte[] out = new byte[elements / 32 * 34];
        rnd.nextBytes(out);
        for (int b = 0; b < elements / 32; b++) {
            int o = b * 34;
            short d = b % 4 == 0 ? EDGE_F16[(b / 4) % EDGE_F16.length]
                    : Float.floatToFloat16((float) (rnd.nextGaussian() * 0.01));
            out[o] = (byte) d;
            out[o + 1] = (byte) (d >> 8);
            switch (b % 7) {
                case 1 -> Arrays.fill(out, o + 2, o + 34, (byte) 0);
                case 2 -> Arrays.fill(out, o + 2, o + 34, (byte) -128);
                case 3 -> Arrays.fill(out, o + 2, o + 34, (byte) 127);
                default -> { }
            }
        }
        return out;
    }

    /** ggml's dequantize_row_q8_0 in float64: {@code y = d * qs[j]}. */
    private static double[] refQ8_0(byte[] b, int elements) {
        double[] y = new double[elements];
        for (int i = 0; i < elements / 32; i++) {
            double d = Float.float16ToFloat((short) ((b[i * 34] & 0xFF) | (b[i * 34 + 1] & 0xFF) << 8));
            for (int j = 0; j < 32; j++) {
                y[i * 32 + j] = b[i * 34 + 2 + j] * d;
            }
        }
        return y;
    }
}
