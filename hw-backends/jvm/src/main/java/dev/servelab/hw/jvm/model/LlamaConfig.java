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
        int heads = m.int32("llama.attention.head_count");
        return new LlamaConfig(
                m.int32("llama.embedding_length"),
                m.int32("llama.feed_forward_length"),
                m.int32("llama.block_count"),
                heads,
                m.int32("llama.attention.head_count_kv", heads),
                vocabSize,
                m.int32("llama.context_length"),
                m.float32("llama.rope.freq_base", 10000f),
                m.float32("llama.attention.layer_norm_rms_epsilon", 1e-5f));
    }
}
