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
    /** The weight types the generator writes. */
    public static final java.util.Set<GgmlType> GENERATED =
            java.util.EnumSet.of(GgmlType.F32, GgmlType.F16, GgmlType.Q8_0, GgmlType.Q4_0, GgmlType.Q4_K);

    private TinyModelGenerator() {
    }

    public static void generate(Path out, long seed, TinyModelSize size, GgmlType weightType) throws IOException {
        generate(out, seed, size, weightType, size.layers, 1.0, (done, total) -> { });
    }

    /** As {@link #generate(Path, long, TinyModelSize, GgmlType)}, calling {@code layers} after each layer is made. */
    public static void generate(Path out, long seed, TinyModelSize size, GgmlType weightType,
                                java.util.function.BiConsumer<Integer, Integer> layers) throws IOException {
        generate(out, seed, size, weightType, size.layers, 1.0, layers);
    }

    /**
     * As {@link #generate(Path, long, TinyModelSize, GgmlType)}, with the residual updates of layers
     * {@code refineFrom} and later (their attention output and MLP down projections) scaled by
     * {@code refineScale}: those layers then only refine what the first {@code refineFrom} decide, the
     * property LayerSkip (Elhoushi et al., ACL 2024) trains a model for so that its early layers can
     * draft for it. Random weights alone lack it: a layer-skip draft of a plain generated model agrees
     * with it rarely. A scale of 1 (or {@code refineFrom >= layers}) gives the plain model's bytes.
     */
    public static void generate(Path out, long seed, TinyModelSize size, GgmlType weightType, int refineFrom,
                                double refineScale) throws IOException {
        generate(out, seed, size, weightType, refineFrom, refineScale, (done, total) -> { });
    }

    /** The full form: refine-only layers from {@code refineFrom}, and {@code layers} called after each layer. */
    public static void generate(Path out, long seed, TinyModelSize size, GgmlType weightType, int refineFrom,
                                double refineScale, java.util.function.BiConsumer<Integer, Integer> layers)
            throws IOException {
        if (!(refineScale > 0)) throw new IllegalArgumentException("refine scale " + refineScale + " must be positive");
        if (!GENERATED.contains(weightType)) {
            throw new IllegalArgumentException("weight type " + weightType + " is not generated (F32, F16, Q8_0, Q4_0 or Q4_K)");
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
            double scale = l >= refineFrom ? refineScale : 1.0;
            tensors.add(matrix(p + "attn_output.weight", size.dim, size.dim, scale / Math.sqrt(size.dim), weightType,
                    root.split()));
            tensors.add(ones(p + "ffn_norm.weight", size.dim));
            tensors.add(matrix(p + "ffn_gate.weight", size.dim, size.hiddenDim, weightType, root.split()));
            tensors.add(matrix(p + "ffn_up.weight", size.dim, size.hiddenDim, weightType, root.split()));
            tensors.add(matrix(p + "ffn_down.weight", size.hiddenDim, size.dim, scale / Math.sqrt(size.hiddenDim),
                    weightType, root.split()));
            layers.accept(l + 1, size.layers);
        }
        tensors.add(ones("output_norm.weight", size.dim));
        tensors.add(matrix("output.weight", size.dim, v, weightType, root.split()));
        Map<String, GgufValue> meta = metadata(size, vocab, seed, weightType);
        if (refineScale != 1.0 && refineFrom < size.layers) {
            meta.put("servelab.refine_from", GgufValue.uint32(refineFrom));
            meta.put("servelab.refine_scale", GgufValue.float32((float) refineScale));
        }
        GgufWriter.write(out, meta, tensors);
    }

    private static Map<String, GgufValue> metadata(TinyModelSize s, TinyVocabulary vocab, long seed, GgmlType type) {
        Map<String, GgufValue> m = new LinkedHashMap<>();
        m.put("general.architecture", GgufValue.string("llama"));
        m.put("general.name", GgufValue.string("servelab-" + s.label() + "-seed" + seed));
        m.put("general.file_type", GgufValue.uint32(fileType(type)));
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

    /** llama.cpp's {@code llama_ftype}: ALL_F32 0, MOSTLY_F16 1, MOSTLY_Q4_0 2, MOSTLY_Q8_0 7, MOSTLY_Q4_K_S 14. */
    private static int fileType(GgmlType type) {
        return switch (type) {
            case F16 -> 1;
            case Q4_0 -> 2;
            case Q8_0 -> 7;
            case Q4_K -> 14;
            default -> 0;
        };
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
        // as llama.cpp does, a row that is not a whole number of Q4_K super-blocks falls back to a
        // 32-element format (llama.cpp picks Q5_0; Q4_0 here)
        GgmlType stored = type == GgmlType.Q4_K && cols % GgmlType.Q4_K.blockElements() != 0 ? GgmlType.Q4_0 : type;
        return new GgufTensorData(name, new long[] {cols, rows}, stored, TensorCodec.encode(values, stored));
    }

    private static GgufTensorData ones(String name, int n) {
        float[] values = new float[n];
        java.util.Arrays.fill(values, 1f);
        return new GgufTensorData(name, new long[] {n}, GgmlType.F32, TensorCodec.encode(values, GgmlType.F32));
    }
}
