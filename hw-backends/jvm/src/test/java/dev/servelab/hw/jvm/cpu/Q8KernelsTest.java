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
        Case m = Case.random(100 + rows, rows, 256);
        double[] w = refQ8_0(m.gguf(), rows * m.cols());
        for (MatmulPath path : new MatmulPath[] {MatmulPath.plain(), MatmulPath.best()}) {
            assertClose(w, m.x(), m.matmul(path, new float[rows], 0, rows), rows, m.cols(), path.label());
        }
    }

    @Test
    void rowResultsDoNotDependOnTheSlicing() {
        Case m = Case.random(7, 45, 1024);
        MatmulPath path = MatmulPath.best();
        float[] whole = m.matmul(path, new float[m.rows()], 0, m.rows());
        Slicings.assertSameWhateverTheSlicing(whole, (out, from, to) -> m.matmul(path, out, from, to), "Q8_0");
        assertClose(refQ8_0(m.gguf(), m.rows() * m.cols()), m.x(), whole, m.rows(), m.cols(), path.label());
    }

    @Test
    void twoThreadRunnerGivesTheSerialResultBitForBit() {
        Case m = Case.random(11, 2816, 1024);
        MatmulPath path = MatmulPath.best();
        float[] serial = m.matmul(path, new float[m.rows()], 0, m.rows());
        float[] parallel = new float[m.rows()];
        try (KernelRunner runner = new SpinningKernelRunner(2)) {
            runner.parallelFor(m.rows(), m.cols(), (f, t) -> m.matmul(path, parallel, f, t));
        }
        for (int r = 0; r < m.rows(); r++) {
            assertEquals(Float.floatToRawIntBits(serial[r]), Float.floatToRawIntBits(parallel[r]), "row " + r);
        }
    }

    /** A random Q8_0 matrix (its GGUF bytes and their unpacked form) and an activation vector. */
    private record Case(int rows, int cols, byte[] gguf, float[] x, Q8Blocks q) {
        static Case random(long seed, int rows, int cols) {
            Random rnd = new Random(seed);
            byte[] gguf = q8Bytes(rnd, rows * cols);
            float[] x = GaussianArrays.of(rnd, cols);
            return new Case(rows, cols, gguf, x, Q8Codec.unpack(MemorySegment.ofArray(gguf), rows * cols));
        }

        /** Rows {@code [from, to)} of the batch-1 product into {@code out}; returns {@code out}. */
        float[] matmul(MatmulPath path, float[] out, int from, int to) {
            path.q8(q.qs(), q.scales(), x, out, rows, cols, 1, from, to);
            return out;
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
