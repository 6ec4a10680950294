package dev.servelab.hw.jvm.backend;

import dev.servelab.hw.backend.KernelBackend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.servelab.hw.jvm.Iteration;
import dev.servelab.hw.jvm.JvmLlamaExecutor;
import dev.servelab.hw.jvm.SequenceChunk;
import dev.servelab.hw.jvm.SequenceOutput;
import dev.servelab.hw.jvm.cpu.KernelRunner;
import dev.servelab.hw.jvm.cpu.MatmulPath;
import dev.servelab.hw.jvm.gguf.GgmlType;
import dev.servelab.hw.jvm.kv.KvCacheSpec;
import dev.servelab.hw.jvm.tiny.TinyModelGenerator;
import dev.servelab.hw.jvm.tiny.TinyModelSize;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The forward pass on an explicit {@link KernelBackend} is the forward pass on a runner and matmul
 * path: the reference backend gives bit-identical logits, and the executor reports its backend.
 */
class JvmKernelBackendTest {
    @TempDir
    Path dir;

    @Test
    void explicitReferenceBackendEqualsRunnerAndPath() throws Exception {
        Path model = dir.resolve("tiny.gguf");
        TinyModelGenerator.generate(model, 5, TinyModelSize.TINY, GgmlType.Q8_0);
        int blockSize = 4;
        long budget = 1L << 20;
        Iteration prefill = new Iteration(List.of(new SequenceChunk(1, new int[] {5, 6, 7, 8, 9}, 0, new int[] {0, 1}),
                new SequenceChunk(2, new int[] {30, 31}, 0, new int[] {2})));
        Iteration decode = new Iteration(List.of(new SequenceChunk(1, new int[] {10}, 5, new int[] {0, 1}),
                new SequenceChunk(2, new int[] {32}, 2, new int[] {2})));
        List<SequenceOutput> viaBackend;
        try (JvmLlamaExecutor exec = JvmLlamaExecutor.open(model, blockSize, budget, JvmKernelBackend.reference())) {
            assertEquals("jvm", exec.backend().name());
            assertTrue(exec.describe().contains("matmul=plain threads=1"), exec.describe());
            exec.run(prefill);
            viaBackend = exec.run(decode).outputs();
        }
        KvCacheSpec kv;
        try (JvmLlamaExecutor sized = JvmLlamaExecutor.open(model, blockSize, budget)) {
            kv = sized.kvCapacity();
        }
        try (JvmLlamaExecutor exec = JvmLlamaExecutor.open(model, kv, KernelRunner.serial(), MatmulPath.plain())) {
            exec.run(prefill);
            List<SequenceOutput> viaRunner = exec.run(decode).outputs();
            for (int s = 0; s < 2; s++) {
                assertArrayEquals(viaRunner.get(s).logits(), viaBackend.get(s).logits());
                assertEquals(viaRunner.get(s).greedyToken(), viaBackend.get(s).greedyToken());
            }
        }
    }
}
