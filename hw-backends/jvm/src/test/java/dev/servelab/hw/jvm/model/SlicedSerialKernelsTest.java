package dev.servelab.hw.jvm.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.servelab.hw.jvm.Iteration;
import dev.servelab.hw.jvm.IterationResult;
import dev.servelab.hw.jvm.JvmLlamaExecutor;
import dev.servelab.hw.jvm.SequenceChunk;
import dev.servelab.hw.jvm.backend.JvmKernelBackend;
import dev.servelab.hw.jvm.cpu.KernelRunner;
import dev.servelab.hw.jvm.cpu.MatmulPath;
import dev.servelab.hw.jvm.cpu.SpinningKernelRunner;
import dev.servelab.hw.jvm.gguf.GgmlType;
import dev.servelab.hw.jvm.kv.KvCacheSpec;
import dev.servelab.hw.jvm.tiny.TinyModelGenerator;
import dev.servelab.hw.jvm.tiny.TinyModelSize;
import dev.servelab.hw.kernels.RopeKernels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The per-token steps that now split across the runner's threads at batch 1 (attention heads, SwiGLU,
 * RoPE from its cached angle table, the RMSNorm scale) give the serial runner's logits bit for bit:
 * a spinning runner made to slice every launch, however small, over a prefill and decode steps.
 */
class SlicedSerialKernelsTest {
    private static final KvCacheSpec KV = new KvCacheSpec(4, 64);
    @TempDir
    static Path dir;

    @ParameterizedTest
    @EnumSource(value = GgmlType.class, names = {"F32", "Q8_0", "Q4_0"})
    void everyKernelSlicedEqualsTheSerialRunnerBitForBit(GgmlType type) throws Exception {
        Path model = dir.resolve(type + ".gguf");
        TinyModelGenerator.generate(model, 13, TinyModelSize.TINY, type);
        List<float[]> serial = decode(model, KernelRunner.serial());
        for (int threads : new int[] {2, 3}) {
            for (int sliceCost : new int[] {1, 300}) {
                List<float[]> sliced = decode(model, new SpinningKernelRunner(threads, sliceCost));
                assertEquals(serial.size(), sliced.size());
                for (int i = 0; i < serial.size(); i++) {
                    assertArrayEquals(serial.get(i), sliced.get(i), threads + " threads, slice cost " + sliceCost
                            + ", output " + i);
                }
            }
        }
    }

    /** A 6-token prefill and a 3-token one, then four decode steps of both, all logits in order. */
    private static List<float[]> decode(Path model, KernelRunner runner) throws Exception {
        List<float[]> logits = new ArrayList<>();
        try (JvmLlamaExecutor exec = JvmLlamaExecutor.open(model, KV, runner, MatmulPath.best())) {
            int[] a = {5, 17, 2, 9, 40, 3};
            int[] b = {11, 12, 13};
            collect(logits, exec.run(new Iteration(List.of(new SequenceChunk(1, a, 0, new int[] {0, 1, 2}),
                    new SequenceChunk(2, b, 0, new int[] {3, 4})))));
            int na = a.length, nb = b.length;
            int ta = 7, tb = 8;
            for (int step = 0; step < 4; step++) {
                collect(logits, exec.run(new Iteration(List.of(new SequenceChunk(1, new int[] {ta}, na, new int[] {0, 1, 2}),
                        new SequenceChunk(2, new int[] {tb}, nb, new int[] {3, 4})))));
                ta = (ta * 7 + 1) % 300;
                tb = (tb * 5 + 2) % 300;
                na++;
                nb++;
            }
            // batch 1 as well: a single sequence's step (one token, the case the table cache serves)
            collect(logits, exec.run(new Iteration(List.of(new SequenceChunk(1, new int[] {ta}, na, new int[] {0, 1, 2})))));
        }
        return logits;
    }

    private static void collect(List<float[]> into, IterationResult r) {
        r.outputs().forEach(o -> into.add(o.logits()));
    }

    @Test
    void ropeFromTheCachedTableEqualsRopeAfterThePositionsChangeInPlace() {
        int heads = 3, headDim = 8, tokens = 2;
        float[] factors = {1f, 2f, 1f, 4f};
        int[] positions = {3, 9};
        try (JvmKernelBackend backend = new JvmKernelBackend(new SpinningKernelRunner(2, 1), MatmulPath.best())) {
            for (int round = 0; round < 3; round++) {
                float[] v = new float[tokens * heads * headDim];
                for (int i = 0; i < v.length; i++) {
                    v[i] = (i * 37 % 11) - 5.5f + round;
                }
                float[] expected = v.clone();
                RopeKernels.rope(expected, positions, factors, heads, headDim, 10000f, 0, v.length / 2);
                backend.rope(v, positions, factors, heads, headDim, 10000f, tokens);
                assertArrayEquals(expected, v, "round " + round);
                if (round == 1) {
                    positions[1]++; // same array, new contents: the table must be recomputed
                }
            }
        }
    }
}
