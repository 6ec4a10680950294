package dev.servelab.hw.jvm.tiny;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.servelab.hw.jvm.GreedyDecoder;
import dev.servelab.hw.jvm.JvmLlamaExecutor;
import dev.servelab.hw.jvm.ModelCommand;
import dev.servelab.hw.jvm.gguf.GgmlType;
import dev.servelab.hw.jvm.gguf.GgufFile;
import dev.servelab.hw.jvm.kv.KvBlockAllocator;
import dev.servelab.hw.jvm.kv.KvCacheSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TinyModelDeterminismTest {
    private static final KvCacheSpec KV = new KvCacheSpec(8, 64);
    @TempDir
    Path dir;

    @Test
    void sameSeedGivesSameFileAndSameTokensEveryRun() throws Exception {
        Path first = dir.resolve("a.gguf"), second = dir.resolve("b.gguf"), other = dir.resolve("c.gguf");
        TinyModelGenerator.generate(first, 42, TinyModelSize.TINY, GgmlType.F32);
        TinyModelGenerator.generate(second, 42, TinyModelSize.TINY, GgmlType.F32);
        TinyModelGenerator.generate(other, 43, TinyModelSize.TINY, GgmlType.F32);
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
        assertFalse(Arrays.equals(Files.readAllBytes(first), Files.readAllBytes(other)));

        int[][] run1 = generate(first), run2 = generate(second), run3 = generate(first);
        assertTrue(Arrays.deepEquals(run1, run2) && Arrays.deepEquals(run1, run3));
        assertFalse(Arrays.deepEquals(run1, generate(other)));
        assertTrue(Arrays.stream(run1[0]).distinct().count() > 1, "greedy output is not one repeated token");
    }

    private static int[][] generate(Path model) throws Exception {
        try (JvmLlamaExecutor exec = JvmLlamaExecutor.open(model, KV)) {
            KvBlockAllocator blocks = new KvBlockAllocator(KV.blockCount());
            int[][] prompts = {exec.tokenizer().encode("The scheduler picks"), exec.tokenizer().encode("A cache")};
            int[][] out = new GreedyDecoder(exec, blocks).generate(prompts, 20);
            assertEquals(KV.blockCount(), blocks.freeCount(), "blocks returned");
            return out;
        }
    }

    @Test
    void modelTinyCommandWritesALoadableModel() throws Exception {
        Path out = dir.resolve("cli.gguf");
        int code = new CommandLine(new ModelCommand()).execute("tiny", "--out", out.toString(), "--seed", "7", "--type", "q8_0");
        assertEquals(0, code);
        try (GgufFile gguf = GgufFile.open(out)) {
            assertEquals("llama", gguf.metadata().string("general.architecture"));
            assertEquals(GgmlType.Q8_0, gguf.tensor("blk.0.attn_q.weight").type());
            assertEquals(7L, gguf.metadata().integer("servelab.seed"));
        }
        assertEquals(2, new CommandLine(new ModelCommand()).execute("tiny", "--out", out.toString(), "--size", "huge"));
    }

    @Test
    void modelTinyCommandWritesQ4Models() throws Exception {
        Path q4 = dir.resolve("q4_0.gguf");
        assertEquals(0, new CommandLine(new ModelCommand()).execute("tiny", "--out", q4.toString(), "--type", "q4_0"));
        try (GgufFile gguf = GgufFile.open(q4)) {
            assertEquals(GgmlType.Q4_0, gguf.tensor("blk.0.ffn_down.weight").type());
            assertEquals(2L, gguf.metadata().integer("general.file_type"));
        }
        // the tiny model's rows (64 and 192 values) are not whole Q4_K super-blocks: Q4_0 instead
        Path q4k = dir.resolve("q4_k.gguf");
        assertEquals(0, new CommandLine(new ModelCommand()).execute("tiny", "--out", q4k.toString(), "--type", "q4_k"));
        try (GgufFile gguf = GgufFile.open(q4k)) {
            assertEquals(GgmlType.Q4_0, gguf.tensor("blk.0.attn_q.weight").type());
            assertEquals(14L, gguf.metadata().integer("general.file_type"));
        }
        assertEquals(2, new CommandLine(new ModelCommand()).execute("tiny", "--out", q4.toString(), "--type", "q6_k"));
    }
}
