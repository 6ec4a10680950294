package dev.servelab.hw.jvm.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.servelab.hw.jvm.backend.JvmKernelBackend;
import dev.servelab.hw.jvm.cpu.ForkJoinKernelRunner;
import dev.servelab.hw.jvm.cpu.KernelRunner;
import dev.servelab.hw.jvm.cpu.MatmulPath;
import dev.servelab.hw.jvm.gguf.Q4Codec;
import dev.servelab.hw.jvm.gguf.Q4KCodec;
import dev.servelab.hw.kernels.GaussianArrays;
import java.lang.foreign.MemorySegment;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Q4_0 and Q4_K matrices through the JVM kernel backend (two threads, Vector API) give what an F32
 * matrix of their dequantised weights gives: matmuls at batch 1 and 8, and embedding gathers (exact).
 */
class Q4MatrixTest {
    private static final int ROWS = 70, COLS = 512;

    @Test
    void q4MatricesMatchTheirDequantisedF32() {
        float[] w = GaussianArrays.of(new Random(9), ROWS * COLS);
        byte[] q4 = Q4Codec.encode(w), q4k = Q4KCodec.encode(w);
        Matrix[] quantised = {
            new Q4Matrix(Q4Codec.unpack(MemorySegment.ofArray(q4), w.length), ROWS, COLS),
            new Q4KMatrix(Q4KCodec.unpack(MemorySegment.ofArray(q4k), w.length), ROWS, COLS)};
        Matrix[] dequantised = {
            new F32Matrix(Q4Codec.decode(MemorySegment.ofArray(q4), w.length), ROWS, COLS),
            new F32Matrix(Q4KCodec.decode(MemorySegment.ofArray(q4k), w.length), ROWS, COLS)};
        try (JvmKernelBackend backend = new JvmKernelBackend(new ForkJoinKernelRunner(2), MatmulPath.best());
             JvmKernelBackend reference = new JvmKernelBackend(KernelRunner.serial(), MatmulPath.plain())) {
            for (int m = 0; m < 2; m++) {
                for (int tokens : new int[] {1, 8}) {
                    float[] x = GaussianArrays.of(new Random(tokens), tokens * COLS);
                    float[] got = new float[tokens * ROWS], want = new float[tokens * ROWS];
                    quantised[m].matmul(backend, x, got, tokens);
                    dequantised[m].matmul(reference, x, want, tokens);
                    assertArrayEquals(want, got, 2e-4f, quantised[m].getClass().getSimpleName() + " x " + tokens);
                }
                int[] rowIndex = {0, 69, 33};
                float[] got = new float[3 * COLS], want = new float[3 * COLS];
                quantised[m].gatherRows(backend, rowIndex, got, 3);
                dequantised[m].gatherRows(reference, rowIndex, want, 3);
                assertArrayEquals(want, got, 0f);
            }
        }
        assertEquals(ROWS * COLS / 2 + 4L * ROWS * COLS / 32, quantised[0].weightBytes());
        assertEquals(ROWS * COLS / 2 + 8L * ROWS * COLS / 32, quantised[1].weightBytes());
    }
}
