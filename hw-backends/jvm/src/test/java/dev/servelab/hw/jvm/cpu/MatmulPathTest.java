package dev.servelab.hw.jvm.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.servelab.hw.jvm.gguf.Q8Codec;
import dev.servelab.hw.jvm.gguf.Q8Blocks;
import dev.servelab.hw.kernels.GaussianArrays;
import java.lang.foreign.MemorySegment;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Vector API matmul and the ForkJoin slicing agree with the plain serial kernel. */
class MatmulPathTest {
    private static final int ROWS = 37, COLS = 96;

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 4, 9})
    void vectorF32AndQ8MatchPlainKernels(int tokens) {
        assertTrue(MatmulPath.vectorApiPresent(), "tests run with --add-modules jdk.incubator.vector");
        Random rnd = new Random(tokens);
        float[] w = GaussianArrays.of(rnd, ROWS * COLS), x = GaussianArrays.of(rnd, tokens * COLS);
        Q8Blocks q = Q8Codec.unpack(MemorySegment.ofArray(Q8Codec.encode(w)), w.length);
        float[] plain = new float[tokens * ROWS], vector = new float[tokens * ROWS];
        float[] plainQ = new float[tokens * ROWS], vectorQ = new float[tokens * ROWS];
        MatmulPath.plain().f32(w, x, plain, ROWS, COLS, tokens, 0, ROWS);
        MatmulPath.plain().q8(q.qs(), q.scales(), x, plainQ, ROWS, COLS, tokens, 0, ROWS);
        float[] dequantised = Q8Codec.decode(MemorySegment.ofArray(Q8Codec.encode(w)), w.length);
        float[] f32OfDequantised = new float[tokens * ROWS];
        MatmulPath.plain().f32(dequantised, x, f32OfDequantised, ROWS, COLS, tokens, 0, ROWS);
        try (KernelRunner runner = new ForkJoinKernelRunner(2)) {
            MatmulPath best = MatmulPath.best();
            runner.parallelFor(ROWS, 1 << 14, (f, t) -> best.f32(w, x, vector, ROWS, COLS, tokens, f, t));
            runner.parallelFor(ROWS, 1 << 14, (f, t) -> best.q8(q.qs(), q.scales(), x, vectorQ, ROWS, COLS, tokens, f, t));
        }
        for (int i = 0; i < plain.length; i++) {
            assertEquals(plain[i], vector[i], 1e-4, "f32 at " + i);
            assertEquals(plainQ[i], vectorQ[i], 1e-4, "q8 at " + i);
            assertEquals(f32OfDequantised[i], plainQ[i], 1e-4, "q8 equals f32 of the dequantised weights at " + i);
        }
    }
}
