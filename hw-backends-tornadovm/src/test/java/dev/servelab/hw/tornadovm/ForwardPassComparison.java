package dev.servelab.hw.tornadovm;

import dev.servelab.hw.backend.KernelBackend;
import dev.servelab.hw.jvm.Iteration;
import dev.servelab.hw.jvm.JvmLlamaExecutor;
import dev.servelab.hw.jvm.SequenceChunk;
import dev.servelab.hw.jvm.SequenceOutput;
import dev.servelab.hw.jvm.gguf.GgmlType;
import dev.servelab.hw.jvm.tiny.TinyModelGenerator;
import dev.servelab.hw.jvm.tiny.TinyModelSize;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A short live-like run on the generated tiny model: iterations of changing shape (prefill chunks of
 * several lengths, decode tokens joining and leaving, contexts crossing block boundaries), run on a
 * backend under test and on the JVM reference; every iteration's logits must agree within 1e-4.
 */
final class ForwardPassComparison {
    private static final int BLOCK = 4;
    private static final long KV_BUDGET = 1L << 20;

    private ForwardPassComparison() {
    }

    static void assertSameLogits(Path dir, GgmlType type, KernelBackend underTest, KernelBackend reference)
            throws Exception {
        Path model = dir.resolve("tiny-" + type + ".gguf");
        TinyModelGenerator.generate(model, 21, TinyModelSize.TINY, type);
        try (JvmLlamaExecutor device = JvmLlamaExecutor.open(model, BLOCK, KV_BUDGET, underTest);
             JvmLlamaExecutor jvm = JvmLlamaExecutor.open(model, BLOCK, KV_BUDGET, reference)) {
            int step = 0;
            for (Iteration it : iterations()) {
                List<SequenceOutput> want = jvm.run(it).outputs();
                List<SequenceOutput> got = device.run(it).outputs();
                for (int s = 0; s < want.size(); s++) {
                    String what = type + " iteration " + step + " sequence " + want.get(s).sequenceId() + " logits";
                    float[] w = want.get(s).logits();
                    Tolerance.assertClose(what, w, got.get(s).logits(), w.length);
                }
                step++;
            }
        }
    }

    /**
     * Prefill A (7 tokens); A decodes while B prefills 3; C prefills 2 while A and B decode (5 rows,
     * padded to 8); then three decode tokens at a time (padded to 4) past block boundaries, B's
     * first block being block 0; finally a 3-token chunk of A.
     */
    private static List<Iteration> iterations() {
        int[] tableA = {5, 2, 9, 11, 12}, tableB = {0, 7, 3}, tableC = {1, 4};
        List<Iteration> its = new ArrayList<>();
        its.add(new Iteration(List.of(new SequenceChunk(1, new int[] {3, 14, 15, 92, 65, 35, 89}, 0, tableA))));
        its.add(new Iteration(List.of(new SequenceChunk(1, new int[] {79}, 7, tableA),
                new SequenceChunk(2, new int[] {26, 53, 58}, 0, tableB))));
        its.add(new Iteration(List.of(new SequenceChunk(2, new int[] {97}, 3, tableB),
                new SequenceChunk(3, new int[] {93, 23}, 0, tableC),
                new SequenceChunk(1, new int[] {84, 62}, 8, tableA))));
        int a = 10, b = 4, c = 2;
        for (int i = 0; i < 5; i++) {
            its.add(new Iteration(List.of(new SequenceChunk(2, new int[] {40 + i}, b++, tableB),
                    new SequenceChunk(1, new int[] {100 + i}, a++, tableA),
                    new SequenceChunk(3, new int[] {150 + i}, c++, tableC))));
        }
        its.add(new Iteration(List.of(new SequenceChunk(1, new int[] {200, 201, 202}, a, tableA))));
        return its;
    }
}
