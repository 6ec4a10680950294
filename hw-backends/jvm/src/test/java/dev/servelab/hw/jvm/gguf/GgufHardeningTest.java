package dev.servelab.hw.jvm.gguf;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.servelab.hw.jvm.model.LlamaWeightLoader;
import dev.servelab.hw.jvm.tiny.TinyModelGenerator;
import dev.servelab.hw.jvm.tiny.TinyModelSize;
import dev.servelab.hw.jvm.tokenizer.GgufTokenizers;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malformed models the hostile-user review of issue 14 tried: a head count of 0 (was {@code / by zero}),
 * an overflowing tensor offset or size (was {@code IndexOutOfBoundsException}), special-token ids
 * outside the vocabulary (was HTTP 500 on every request), weights larger than the heap (was
 * {@code OutOfMemoryError}). Each is a {@link GgufFormatException} naming the file and the field.
 */
class GgufHardeningTest {
    @TempDir
    Path dir;

    private byte[] tiny() throws Exception {
        Path f = dir.resolve("base.gguf");
        TinyModelGenerator.generate(f, 42, TinyModelSize.TINY, GgmlType.F32);
        return Files.readAllBytes(f);
    }

    private String loadFails(String name, GgufPatch patch) throws Exception {
        Path f = dir.resolve(name);
        Files.write(f, patch.bytes());
        GgufFormatException e = assertThrows(GgufFormatException.class, () -> {
            try (GgufFile file = GgufFile.open(f)) {
                GgufTokenizers.from(file.metadata(), f.toString());
                LlamaWeightLoader.load(file);
            }
        });
        assertTrue(e.getMessage().contains(name) && !e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }

    @Test
    void aHeadCountOfZero() throws Exception {
        String m = loadFails("heads0.gguf", new GgufPatch(tiny()).metadataU32("llama.attention.head_count", 0));
        assertTrue(m.contains("llama.attention.head_count") && m.contains("= 0"), m);
        String kv = loadFails("kv0.gguf", new GgufPatch(tiny()).metadataU32("llama.attention.head_count_kv", 0));
        assertTrue(kv.contains("llama.attention.head_count_kv"), kv);
    }

    @Test
    void anOverflowingTensorOffsetOrSize() throws Exception {
        String offset = loadFails("offset.gguf", new GgufPatch(tiny()).tensorOffset("output_norm.weight", Long.MAX_VALUE - 31));
        assertTrue(offset.contains("output_norm.weight") && offset.contains("past the end of the file"), offset);
        String negative = loadFails("negative.gguf", new GgufPatch(tiny()).tensorOffset("output_norm.weight", -32));
        assertTrue(negative.contains("output_norm.weight"), negative);
        String size = loadFails("size.gguf", new GgufPatch(tiny()).tensorDim("token_embd.weight", 0, Integer.MAX_VALUE - 63)
                .tensorDim("token_embd.weight", 1, Integer.MAX_VALUE));
        assertTrue(size.contains("token_embd.weight"), size);
    }

    @Test
    void specialTokenIdsOutsideTheVocabulary() throws Exception {
        String bos = loadFails("bos.gguf", new GgufPatch(tiny()).metadataU32("tokenizer.ggml.bos_token_id", 1_000_000));
        assertTrue(bos.contains("tokenizer.ggml.bos_token_id") && bos.contains("outside the vocabulary"), bos);
        String eos = loadFails("eos.gguf", new GgufPatch(tiny()).metadataU32("tokenizer.ggml.eos_token_id", -7));
        assertTrue(eos.contains("tokenizer.ggml.eos_token_id"), eos);
    }

    @Test
    void weightsLargerThanTheHeapAreRefusedBeforeAllocating() throws Exception {
        long heap = Runtime.getRuntime().maxMemory();
        // the embedding and output matrices are dim x vocab F32: claim a vocabulary whose embedding alone needs twice the heap
        long vocab = Math.min(Integer.MAX_VALUE, heap * 2 / 4 / 64 + 1);
        byte[] bytes = new GgufPatch(tiny()).tensorDim("token_embd.weight", 1, vocab).tensorDim("output.weight", 1, vocab).bytes();
        // give the file that many bytes (sparse), so the file-size check passes and the heap check is the one that speaks
        Path f = dir.resolve("huge.gguf");
        Files.write(f, bytes);
        try (var ch = java.nio.channels.FileChannel.open(f, java.nio.file.StandardOpenOption.WRITE)) {
            ch.position(vocab * 64 * 4 * 2 + bytes.length).write(java.nio.ByteBuffer.wrap(new byte[1]));
        }
        GgufFormatException e = assertThrows(GgufFormatException.class, () -> {
            try (GgufFile file = GgufFile.open(f)) {
                LlamaWeightLoader.load(file);
            }
        });
        assertTrue(e.getMessage().contains("huge.gguf") && e.getMessage().contains("GiB of heap") && e.getMessage().contains("-Xmx"),
                e.getMessage());
    }
}
