package dev.servelab.hw.jvm.tiny;

import dev.servelab.hw.jvm.gguf.GgmlType;
import dev.servelab.hw.jvm.gguf.GgufTensorData;
import dev.servelab.hw.jvm.gguf.GgufValue;
import dev.servelab.hw.jvm.gguf.GgufValueType;
import dev.servelab.hw.jvm.gguf.GgufWriter;
import dev.servelab.hw.jvm.gguf.TensorCodec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes a Llama-architecture GGUF model with deterministic random weights: the same seed, size
 * and weight type give the same bytes. Each tensor draws from its own stream split off the seed's
 * generator in file order; matrices are uniform with standard deviation {@code 1/sqrt(cols)} so
 * activations keep their scale, norms are ones. Norm vectors are always F32, as in llama.cpp.
 */
public final class TinyModelGenerator {
    private TinyModelGenerator() {
    }

    public static void generate(Path out, long seed, TinyModelSize size, GgmlType weightType) throws IOException {
        generate(out, seed, size, weightType, (done, total) -> { });
    }

    /** As {@link #generate(Path, long, TinyModelSize, GgmlType)}, calling {@code layers} after each layer is made. */
    public static void generate(Path out, long seed, TinyModelSize size, GgmlType weightType,
                                java.util.function.BiConsumer<Integer, Integer> layers) throws IOException {
        if (weightType != GgmlType.F32 && weightType != GgmlType.F16 && weightType != GgmlType.Q8_0) {
            throw new IllegalArgumentException("weight type " + weightType + " is not generated (F32, F16 or Q8_0)");
        }
        TinyVocabulary vocab = TinyVocabulary.build();
        int v = vocab.tokens().size();
        SplittableRandom root = new SplittableRandom(seed);
        int kvDim = size.kvHeads * (size.dim / size.heads);
        List<GgufTensorData> tensors = new ArrayList<>();
        tensors.add(matrix("token_embd.weight", size.dim, v, 0.5, weightType, root.split()));
        for (int l = 0; l < size.layers; l++) {
            String p = "blk." + l + ".";
            tensors.add(ones(p + "attn_norm.weight", size.dim));
            tensors.add(matrix(p + "attn_q.weight", size.dim, size.dim, weightType, root.split()));
            tensors.add(matrix(p + "attn_k.weight", size.dim, kvDim, weightType, root.split()));
            tensors.add(matrix(p + "attn_v.weight", size.dim, kvDim, weightType, root.split()));
            tensors.add(matrix(p + "attn_output.weight", size.dim, size.dim, weightType, root.split()));
            tensors.add(ones(p + "ffn_norm.weight", size.dim));
            tensors.add(matrix(p + "ffn_gate.weight", size.dim, size.hiddenDim, weightType, root.split()));
            tensors.add(matrix(p + "ffn_up.weight", size.dim, size.hiddenDim, weightType, root.split()));
            tensors.add(matrix(p + "ffn_down.weight", size.hiddenDim, size.dim, weightType, root.split()));
            layers.accept(l + 1, size.layers);
        }
        tensors.add(ones("output_norm.weight", size.dim));
        tensors.add(matrix("output.weight", size.dim, v, weightType, root.split()));
        GgufWriter.write(out, metadata(size, vocab, seed, weightType), tensors);
    }

    private static Map<String, GgufValue> metadata(TinyModelSize s, TinyVocabulary vocab, long seed, GgmlType type) {
        Map<String, GgufValue> m = new LinkedHashMap<>();
        m.put("general.architecture", GgufValue.string("llama"));
        m.put("general.name", GgufValue.string("servelab-" + s.label() + "-seed" + seed));
        m.put("general.file_type", GgufValue.uint32(type == GgmlType.Q8_0 ? 7 : type == GgmlType.F16 ? 1 : 0));
        m.put("general.alignment", GgufValue.uint32(32));
        m.put("servelab.seed", new GgufValue(GgufValueType.UINT64, seed));
        m.put("llama.context_length", GgufValue.uint32(s.contextLength));
        m.put("llama.embedding_length", GgufValue.uint32(s.dim));
        m.put("llama.block_count", GgufValue.uint32(s.layers));
        m.put("llama.feed_forward_length", GgufValue.uint32(s.hiddenDim));
        m.put("llama.attention.head_count", GgufValue.uint32(s.heads));
        m.put("llama.attention.head_count_kv", GgufValue.uint32(s.kvHeads));
        m.put("llama.rope.dimension_count", GgufValue.uint32(s.dim / s.heads));
        m.put("llama.rope.freq_base", GgufValue.float32(10000f));
        m.put("llama.attention.layer_norm_rms_epsilon", GgufValue.float32(1e-5f));
        m.put("llama.vocab_size", GgufValue.uint32(vocab.tokens().size()));
        m.put("tokenizer.ggml.model", GgufValue.string("gpt2"));
        m.put("tokenizer.ggml.pre", GgufValue.string("llama-bpe"));
        m.put("tokenizer.ggml.tokens", GgufValue.array(GgufValueType.STRING, vocab.tokens()));
        List<Long> types = new ArrayList<>();
        for (int t : vocab.types()) {
            types.add((long) t);
        }
        m.put("tokenizer.ggml.token_type", GgufValue.array(GgufValueType.INT32, types));
        m.put("tokenizer.ggml.merges", GgufValue.array(GgufValueType.STRING, vocab.merges()));
        m.put("tokenizer.ggml.bos_token_id", GgufValue.uint32(vocab.bos()));
        m.put("tokenizer.ggml.eos_token_id", GgufValue.uint32(vocab.eos()));
        return m;
    }

    private static GgufTensorData matrix(String name, int cols, int rows, GgmlType type, SplittableRandom rng) {
        return matrix(name, cols, rows, 1.0 / Math.sqrt(cols), type, rng);
    }

    private static GgufTensorData matrix(String name, int cols, int rows, double std, GgmlType type,
                                         SplittableRandom rng) {
        float[] values = new float[Math.multiplyExact(cols, rows)];
        float bound = (float) (std * Math.sqrt(3.0));
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (rng.nextDouble() * 2.0 - 1.0) * bound;
        }
        return new GgufTensorData(name, new long[] {cols, rows}, type, TensorCodec.encode(values, type));
    }

    private static GgufTensorData ones(String name, int n) {
        float[] values = new float[n];
        java.util.Arrays.fill(values, 1f);
        return new GgufTensorData(name, new long[] {n}, GgmlType.F32, TensorCodec.encode(values, GgmlType.F32));
    }
}
