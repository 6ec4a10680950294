package dev.servelab.hw.jvm.gguf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.servelab.hw.jvm.model.LlamaWeightLoader;
import dev.servelab.hw.jvm.tiny.TinyModelGenerator;
import dev.servelab.hw.jvm.tiny.TinyModelSize;
import dev.servelab.hw.jvm.tokenizer.GgufTokenizers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded fuzz test of the GGUF reader, the weight loader and the tokenizer builder over mutated
 * generated models (F32 and Q8_0): random byte flips in the header, metadata counts and special
 * token ids set to hostile values, tensor dimensions, types and offsets set to hostile values, and
 * truncation. For every input, either the model loads or a {@link GgufFormatException} says why in
 * one line naming the file; nothing else escapes (no {@code / by zero}, {@code IndexOutOfBounds},
 * {@code OutOfMemoryError}). Counts go to {@code target/gguf-fuzz-report.txt}; the size is fixed.
 */
class GgufFuzzTest {
    static final long SEED = 14;
    static final int INPUTS = 300;
    static final String[] COUNTS = {"llama.attention.head_count", "llama.attention.head_count_kv", "llama.embedding_length",
        "llama.feed_forward_length", "llama.block_count", "llama.context_length", "tokenizer.ggml.bos_token_id",
        "tokenizer.ggml.eos_token_id", "general.alignment"};
    static final String[] TENSORS = {"token_embd.weight", "blk.0.attn_q.weight", "blk.1.ffn_down.weight", "output_norm.weight",
        "output.weight"};
    static final long[] HOSTILE = {0, -1, 1, 3, 7, Integer.MAX_VALUE, Integer.MIN_VALUE, 1L << 32, Long.MAX_VALUE, Long.MIN_VALUE,
        (1L << 62) + 5, 4294967299L, 1_000_003};

    @TempDir
    Path dir;

    @Test
    void mutatedModelsLoadOrFailInOneLine() throws Exception {
        long start = System.nanoTime();
        List<byte[]> bases = new ArrayList<>();
        for (GgmlType type : new GgmlType[] {GgmlType.F32, GgmlType.Q8_0}) {
            Path f = dir.resolve("base-" + type + ".gguf");
            TinyModelGenerator.generate(f, 42, TinyModelSize.TINY, type);
            bases.add(Files.readAllBytes(f));
        }
        SplittableRandom rng = new SplittableRandom(SEED);
        List<String> failures = new ArrayList<>();
        int loaded = 0;
        int refused = 0;
        for (int i = 0; i < INPUTS; i++) {
            byte[] bytes = mutate(bases.get(i % bases.size()).clone(), rng);
            Path f = dir.resolve("m" + i + ".gguf");
            Files.write(f, bytes);
            try (GgufFile file = GgufFile.open(f)) {
                GgufTokenizers.from(file.metadata(), f.toString());
                LlamaWeightLoader.load(file);
                loaded++;
            } catch (GgufFormatException e) {
                refused++;
                if (e.getMessage() == null || e.getMessage().contains("\n") || !e.getMessage().contains(f.getFileName().toString())) {
                    failures.add(f.getFileName() + ": not one line naming the file: " + e.getMessage());
                }
            } catch (Throwable t) {
                failures.add(f.getFileName() + ": escaped " + t);
            }
        }
        String report = String.format(java.util.Locale.ROOT,
                "GgufFuzzTest seed %d: %d mutated models, %d loaded, %d refused with one line, %d not clean, %.1f s%n",
                SEED, INPUTS, loaded, refused, failures.size(), (System.nanoTime() - start) / 1e9);
        Files.writeString(Path.of("target", "gguf-fuzz-report.txt"), report + String.join("\n", failures));
        assertEquals(List.of(), failures, report);
    }

    private static byte[] mutate(byte[] bytes, SplittableRandom rng) {
        GgufPatch p = new GgufPatch(bytes);
        long v = HOSTILE[rng.nextInt(HOSTILE.length)];
        String tensor = TENSORS[rng.nextInt(TENSORS.length)];
        switch (rng.nextInt(6)) {
            case 0 -> p.metadataU32(COUNTS[rng.nextInt(COUNTS.length)], (int) v);
            case 1 -> p.tensorDim(tensor, rng.nextInt(2), v);
            case 2 -> p.tensorOffset(tensor, v);
            case 3 -> p.tensorType(tensor, (int) (v == 0 ? rng.nextInt(40) : v));
            case 4 -> {
                int flips = 1 + rng.nextInt(8);
                int header = Math.min(bytes.length, 12_000);
                for (int k = 0; k < flips; k++) bytes[rng.nextInt(header)] = (byte) rng.nextInt(256);
            }
            default -> {
                return Arrays.copyOf(bytes, rng.nextInt(bytes.length));
            }
        }
        return p.bytes();
    }
}
