package dev.servelab.hw.sim;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The few architecture numbers the whole-model roofline needs, for a handful of common models
 * (bf16 weights and KV). Numbers from each model's Hugging Face {@code config.json}.
 */
record ModelShape(String id, int layers, int hidden, int heads, int kvHeads, int intermediate, int vocab) {
    private static final Map<String, ModelShape> KNOWN = new TreeMap<>();

    static {
        add(new ModelShape("llama-3.2-1b", 16, 2048, 32, 8, 8192, 128_256));
        add(new ModelShape("llama-3.2-3b", 28, 3072, 24, 8, 8192, 128_256));
        add(new ModelShape("llama-3.1-8b", 32, 4096, 32, 8, 14_336, 128_256));
        add(new ModelShape("llama-3.1-70b", 80, 8192, 64, 8, 28_672, 128_256));
        add(new ModelShape("codellama-34b", 48, 8192, 64, 8, 22_016, 32_000));
        add(new ModelShape("mistral-7b", 32, 4096, 32, 8, 14_336, 32_768));
    }

    private static void add(ModelShape m) {
        KNOWN.put(m.id, m);
    }

    static ModelShape byId(String id) {
        return KNOWN.get(id);
    }

    static List<String> ids() {
        return List.copyOf(KNOWN.keySet());
    }

    int headDim() {
        return hidden / heads;
    }

    /** Parameters of the transformer layers (attention and MLP), excluding embeddings and LM head. */
    double denseParams() {
        double attn = (double) hidden * headDim() * (heads + 2.0 * kvHeads) + (double) heads * headDim() * hidden;
        double mlp = 3.0 * hidden * intermediate;
        return layers * (attn + mlp);
    }

    double weightBytes() {
        return 2.0 * (denseParams() + 2.0 * vocab * hidden);
    }

    /** K and V of every layer, bf16. */
    double kvBytesPerToken() {
        return 2.0 * layers * kvHeads * headDim() * 2;
    }
}
