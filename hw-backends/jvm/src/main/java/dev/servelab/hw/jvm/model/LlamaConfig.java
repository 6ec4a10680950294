package dev.servelab.hw.jvm.model;

import dev.servelab.hw.jvm.gguf.GgufFormatException;
import dev.servelab.hw.jvm.gguf.GgufMetadata;

/**
 * Hyper-parameters of a Llama-family model (Touvron et al., "LLaMA: Open and Efficient Foundation
 * Language Models", 2023), read from the {@code llama.*} GGUF metadata keys.
 */
public record LlamaConfig(int dim, int hiddenDim, int layers, int heads, int kvHeads, int vocabSize,
                          int contextLength, float ropeTheta, float rmsEps) {
    public static final String ARCH = "llama";

    public LlamaConfig {
        if (dim % heads != 0 || heads % kvHeads != 0 || (dim / heads) % 2 != 0) {
            throw new IllegalArgumentException("dim " + dim + ", heads " + heads + ", kv heads " + kvHeads
                    + ": dim must split into even-sized heads and heads into kv-head groups");
        }
    }

    public int headDim() {
        return dim / heads;
    }

    public int kvDim() {
        return kvHeads * headDim();
    }

    /** Parameters of the weights (embedding and output counted separately even when tied). */
    public long parameterCount() {
        long perLayer = 2L * dim + (long) dim * dim * 2 + 2L * dim * kvDim() + 3L * dim * hiddenDim;
        return perLayer * layers + 2L * vocabSize * dim + dim;
    }

    /** Reads the config; {@code vocabSize} comes from the caller (the embedding's row count). */
    public static LlamaConfig from(GgufMetadata m, String source, int vocabSize) {
        String arch = m.string("general.architecture");
        if (!ARCH.equals(arch)) {
            throw new GgufFormatException(source + ": metadata 'general.architecture' is '" + arch
                    + "'; this backend runs 'llama'-family models");
        }
        int heads = positive(m, source, "llama.attention.head_count", null);
        try {
            return new LlamaConfig(
                    positive(m, source, "llama.embedding_length", null),
                    positive(m, source, "llama.feed_forward_length", null),
                    positive(m, source, "llama.block_count", null),
                    heads,
                    positive(m, source, "llama.attention.head_count_kv", heads),
                    vocabSize,
                    positive(m, source, "llama.context_length", null),
                    m.float32("llama.rope.freq_base", 10000f),
                    m.float32("llama.attention.layer_norm_rms_epsilon", 1e-5f));
        } catch (IllegalArgumentException e) {
            throw new GgufFormatException(source + ": " + e.getMessage());
        }
    }

    /** A metadata count that must be at least 1 (a head count of 0 would divide by zero). */
    private static int positive(GgufMetadata m, String source, String key, Integer fallback) {
        int v = fallback == null ? m.int32(key) : m.int32(key, fallback);
        if (v < 1) throw new GgufFormatException(source + ": metadata '" + key + "' = " + v + " (expected at least 1)");
        return v;
    }
}
