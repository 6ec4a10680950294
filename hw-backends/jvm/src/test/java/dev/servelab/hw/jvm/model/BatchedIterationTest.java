package dev.servelab.hw.jvm.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.servelab.hw.jvm.Iteration;
import dev.servelab.hw.jvm.IterationResult;
import dev.servelab.hw.jvm.JvmLlamaExecutor;
import dev.servelab.hw.jvm.SequenceChunk;
import dev.servelab.hw.jvm.cpu.KernelRunner;
import dev.servelab.hw.jvm.cpu.MatmulPath;
import dev.servelab.hw.jvm.gguf.GgmlType;
import dev.servelab.hw.jvm.kv.KvCacheSpec;
import dev.servelab.hw.jvm.tiny.TinyModelGenerator;
import dev.servelab.hw.jvm.tiny.TinyModelSize;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One iteration that mixes prefill chunks and decode tokens of several sequences gives each
 * sequence the logits it gets when run alone; chunked prefill equals whole prefill.
 */
class BatchedIterationTest {
    private static final KvCacheSpec KV = new KvCacheSpec(4, 64);
    @TempDir
    static Path dir;

    @BeforeAll
    static void writeModels() throws Exception {
        for (GgmlType t : List.of(GgmlType.F32, GgmlType.F16, GgmlType.Q8_0, GgmlType.Q4_0)) {
            TinyModelGenerator.generate(dir.resolve(t + ".gguf"), 11, TinyModelSize.TINY, t);
        }
    }

    @ParameterizedTest
    @EnumSource(value = GgmlType.class, names = {"F32", "F16", "Q8_0", "Q4_0"})
    void batchedIterationEqualsSequencesRunOneByOne(GgmlType type) throws Exception {
        Path model = dir.resolve(type + ".gguf");
        int[] a = {1, 2, 3, 4, 5, 6, 7}, b = {40, 41, 42, 43, 44}, c = {100, 101, 102, 103, 104, 105, 106, 107, 108};
        int[] tableA = {3, 9}, tableB = {12, 0}, tableC = {20, 5, 30};
        try (JvmLlamaExecutor batched = JvmLlamaExecutor.open(model, KV)) {
            // warm-up: A and B have their first tokens cached already
            batched.run(new Iteration(List.of(new SequenceChunk(1, a, 0, tableA), new SequenceChunk(2, b, 0, tableB))));
            // the iteration under test: A decodes one token, B decodes one token, C prefills a chunk of 6
            IterationResult mixed = batched.run(new Iteration(List.of(
                    new SequenceChunk(1, new int[] {8}, 7, tableA),
                    new SequenceChunk(3, java.util.Arrays.copyOf(c, 6), 0, tableC),
                    new SequenceChunk(2, new int[] {45}, 5, tableB))));
            float[][] alone = new float[3][];
            try (JvmLlamaExecutor single = JvmLlamaExecutor.open(model, KV, KernelRunner.serial(), MatmulPath.plain())) {
                single.run(new Iteration(List.of(new SequenceChunk(1, a, 0, new int[] {0, 1}))));
                alone[0] = single.run(new Iteration(List.of(new SequenceChunk(1, new int[] {8}, 7, new int[] {0, 1}))))
                        .outputs().get(0).logits();
                alone[1] = single.run(new Iteration(List.of(new SequenceChunk(3, java.util.Arrays.copyOf(c, 6), 0,
                        new int[] {2, 3})))).outputs().get(0).logits();
                single.run(new Iteration(List.of(new SequenceChunk(2, b, 0, new int[] {4, 5}))));
                alone[2] = single.run(new Iteration(List.of(new SequenceChunk(2, new int[] {45}, 5, new int[] {4, 5}))))
                        .outputs().get(0).logits();
            }
            for (int s = 0; s < 3; s++) {
                assertEquals(List.of(1L, 3L, 2L).get(s), mixed.outputs().get(s).sequenceId());
                assertArrayEquals(alone[s], mixed.outputs().get(s).logits(), 1e-4f, "sequence #" + s);
            }
        }
    }

    @Test
    void chunkedPrefillThenDecodeEqualsOneTokenAtATime() throws Exception {
        int[] prompt = {10, 20, 30, 40, 50, 60, 70, 80, 90, 5, 6};
        int[] table = {7, 2, 11};
        try (JvmLlamaExecutor exec = JvmLlamaExecutor.open(dir.resolve("F32.gguf"), KV)) {
            exec.run(new Iteration(List.of(new SequenceChunk(1, java.util.Arrays.copyOf(prompt, 5), 0, table))));
            float[] chunked = exec.run(new Iteration(List.of(new SequenceChunk(1,
                    java.util.Arrays.copyOfRange(prompt, 5, 11), 5, table)))).outputs().get(0).logits();
            float[] stepwise = null;
            for (int p = 0; p < prompt.length; p++) {
                stepwise = exec.run(new Iteration(List.of(new SequenceChunk(2, new int[] {prompt[p]}, p,
                        new int[] {30, 31, 32})))).outputs().get(0).logits();
            }
            assertArrayEquals(stepwise, chunked, 1e-4f);
        }
    }

    @ParameterizedTest
    @EnumSource(value = GgmlType.class, names = {"F32", "Q8_0"})
    void logitsAreBitIdenticalWhateverTheNumberOfThreads(GgmlType type) throws Exception {
        Path model = dir.resolve(type + ".gguf");
        Iteration prefill = new Iteration(List.of(new SequenceChunk(1, new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 0,
                new int[] {4, 5, 6}), new SequenceChunk(2, new int[] {9, 8, 7, 6, 5}, 0, new int[] {1, 2})));
        float[][] results = new float[3][];
        KernelRunner[] runners = {KernelRunner.serial(), new dev.servelab.hw.jvm.cpu.ForkJoinKernelRunner(2),
                new dev.servelab.hw.jvm.cpu.ForkJoinKernelRunner(3)};
        for (int i = 0; i < runners.length; i++) {
            try (JvmLlamaExecutor exec = JvmLlamaExecutor.open(model, KV, runners[i], MatmulPath.best())) {
                IterationResult r = exec.run(prefill);
                results[i] = concat(r.outputs().get(0).logits(), r.outputs().get(1).logits());
            }
        }
        assertArrayEquals(results[0], results[1]);
        assertArrayEquals(results[0], results[2]);
    }

    @Test
    void logitsDoNotChangeOnceTheJitHasCompiledTheKernels() throws Exception {
        Iteration step = new Iteration(List.of(new SequenceChunk(1, new int[] {3, 1, 4, 1, 5, 9, 2, 6}, 0,
                new int[] {8, 9}), new SequenceChunk(2, new int[] {2, 7}, 0, new int[] {10})));
        try (JvmLlamaExecutor exec = JvmLlamaExecutor.open(dir.resolve("Q8_0.gguf"), KV)) {
            float[] cold = exec.run(step).outputs().get(0).logits();
            float[] warm = cold;
            for (int i = 0; i < 1500; i++) {
                warm = exec.run(step).outputs().get(0).logits();
            }
            assertArrayEquals(cold, warm);
        }
    }

    private static float[] concat(float[] a, float[] b) {
        float[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void kvCapacityFromABudgetCountsWholeBlocksForTheModel() throws Exception {
        // tiny model: 2 layers, kvDim 32; a 16-token block holds K and V in F32: 2 * 4 * 16 * 2 * 32 = 8 KiB
        try (JvmLlamaExecutor exec = JvmLlamaExecutor.open(dir.resolve("F32.gguf"), 16, 1 << 20)) {
            assertEquals(new KvCacheSpec(16, 128), exec.kvCapacity());
        }
    }

    @Test
    void blockTableTooShortIsRejectedWithTheSequenceNamed() throws Exception {
        try (JvmLlamaExecutor exec = JvmLlamaExecutor.open(dir.resolve("F32.gguf"), KV)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> exec.run(new Iteration(
                    List.of(new SequenceChunk(77, new int[] {1, 2, 3, 4, 5}, 0, new int[] {0})))));
            assertTrue(e.getMessage().contains("sequence 77") && e.getMessage().contains("need 2 blocks"), e.getMessage());
        }
    }
}
