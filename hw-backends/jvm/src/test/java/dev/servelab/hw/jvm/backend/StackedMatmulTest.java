package dev.servelab.hw.jvm.backend;

import dev.servelab.hw.backend.KernelBackend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.servelab.hw.jvm.cpu.MatmulPath;
import dev.servelab.hw.jvm.cpu.SpinningKernelRunner;
import dev.servelab.hw.jvm.gguf.Q8Blocks;
import dev.servelab.hw.jvm.gguf.Q8Codec;
import dev.servelab.hw.kernels.GaussianArrays;
import java.lang.foreign.MemorySegment;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One stacked launch over Q, K and V-shaped matrices gives the same results as one matmul per
 * matrix (the default every other backend inherits), within float rounding, for F32 and Q8_0 and several
 * token counts.
 */
class StackedMatmulTest {
    private static final int COLS = 128;
    private static final int[] ROWS = {96, 32, 32};

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5, 8})
    void stackedLaunchEqualsOneMatmulEach(int tokens) {
        Random rnd = new Random(tokens);
        float[] x = GaussianArrays.of(rnd, tokens * COLS);
        float[][] w = new float[ROWS.length][];
        byte[][] qs = new byte[ROWS.length][];
        float[][] scales = new float[ROWS.length][];
        for (int i = 0; i < ROWS.length; i++) {
            w[i] = GaussianArrays.of(rnd, ROWS[i] * COLS);
            Q8Blocks q = Q8Codec.unpack(MemorySegment.ofArray(Q8Codec.encode(w[i])), w[i].length);
            qs[i] = q.qs();
            scales[i] = q.scales();
        }
        try (KernelBackend stacked = new JvmKernelBackend(new SpinningKernelRunner(2), MatmulPath.best());
             KernelBackend reference = JvmKernelBackend.reference()) {
            float[][] f32 = outputs(tokens), f32Ref = outputs(tokens), q8 = outputs(tokens), q8Ref = outputs(tokens);
            stacked.matmulF32Stacked(w, x, f32, ROWS, COLS, tokens);
            stacked.matmulQ8Stacked(qs, scales, x, q8, ROWS, COLS, tokens);
            for (int i = 0; i < ROWS.length; i++) {
                reference.matmulF32(w[i], x, f32Ref[i], ROWS[i], COLS, tokens);
                reference.matmulQ8(qs[i], scales[i], x, q8Ref[i], ROWS[i], COLS, tokens);
            }
            for (int i = 0; i < ROWS.length; i++) {
                assertArrayEquals(f32Ref[i], f32[i], 1e-4f, "f32 matrix " + i);
                assertArrayEquals(q8Ref[i], q8[i], 1e-4f, "q8 matrix " + i);
            }
        }
    }

    private static float[][] outputs(int tokens) {
        float[][] out = new float[ROWS.length][];
        for (int i = 0; i < ROWS.length; i++) {
            out[i] = new float[tokens * ROWS[i]];
        }
        return out;
    }
}
