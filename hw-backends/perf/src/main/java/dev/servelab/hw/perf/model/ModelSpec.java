package dev.servelab.hw.perf.model;

/**
 * A decoder-only transformer's architecture, as read from a Hugging Face {@code config.json}.
 * Dense models have {@code numExperts == 1}; mixture-of-experts models (Mixtral) route each token
 * to {@code expertsPerToken} of {@code numExperts} MLPs.
 *
 * <p>Derived sizes follow the Llama/Mistral/Qwen2 layout: fused-able Q, K, V projections, an
 * output projection, a gated (SwiGLU) MLP with gate, up and down matrices, two RMSNorms per
 * layer, input embedding and LM head (shared when {@code tiedEmbeddings}).
 */
public record ModelSpec(
        String id,
        int hiddenSize,
        int numLayers,
        int numHeads,
        int numKvHeads,
        int headDim,
        int intermediateSize,
        int vocabSize,
        int numExperts,
        int expertsPerToken,
        boolean tiedEmbeddings,
        int maxPositionEmbeddings) {

    public ModelSpec {
        if (hiddenSize <= 0 || numLayers <= 0 || numHeads <= 0 || numKvHeads <= 0 || headDim <= 0
                || intermediateSize <= 0 || vocabSize <= 0 || numExperts <= 0 || expertsPerToken <= 0) {
            throw new IllegalArgumentException("model " + id + ": every size must be positive");
        }
        if (numHeads % numKvHeads != 0) {
            throw new IllegalArgumentException("model " + id + ": num_attention_heads " + numHeads
                    + " is not a multiple of num_key_value_heads " + numKvHeads);
        }
        if (expertsPerToken > numExperts) {
            throw new IllegalArgumentException("model " + id + ": num_experts_per_tok > number of experts");
        }
    }

    public boolean isMoe() {
        return numExperts > 1;
    }

    /** Width of the fused Q, K, V projection output: (heads + 2 kv heads) x head dim. */
    public long qkvWidth() {
        return (long) (numHeads + 2 * numKvHeads) * headDim;
    }

    /** Width of the attention output (input of the output projection): heads x head dim. */
    public long attentionWidth() {
        return (long) numHeads * headDim;
    }

    /** Parameters of one expert's (or the dense) gated MLP: gate, up and down matrices. */
    public long mlpParamsPerExpert() {
        return 3L * hiddenSize * intermediateSize;
    }

    /** Parameters of one decoder layer, all experts included. */
    public long paramsPerLayer() {
        long attention = (long) hiddenSize * qkvWidth() + attentionWidth() * hiddenSize;
        long router = isMoe() ? (long) hiddenSize * numExperts : 0;
        return attention + numExperts * mlpParamsPerExpert() + router + 2L * hiddenSize;
    }

    public long embeddingParams() {
        return (long) vocabSize * hiddenSize;
    }

    /** Total parameters: layers, final norm, embedding and (unless tied) the LM head. */
    public long parameterCount() {
        long head = tiedEmbeddings ? 0 : embeddingParams();
        return numLayers * paramsPerLayer() + hiddenSize + embeddingParams() + head;
    }

    /** Parameters a token's forward pass uses (top-k experts only), embedding and LM head included. */
    public long activeParameterCount() {
        long perLayer = paramsPerLayer() - (long) (numExperts - expertsPerToken) * mlpParamsPerExpert();
        return numLayers * perLayer + hiddenSize + embeddingParams() + (tiedEmbeddings ? 0 : embeddingParams());
    }

    /** Bytes of all weights stored in {@code dtype} (norms are counted in the same dtype). */
    public double weightBytes(Dtype dtype) {
        return parameterCount() * dtype.bytesPerElement();
    }

    /** KV-cache bytes of one token over all layers: 2 (K and V) x layers x kv heads x head dim. */
    public double kvBytesPerToken(Dtype kvDtype) {
        return 2.0 * numLayers * numKvHeads * headDim * kvDtype.bytesPerElement();
    }
}
