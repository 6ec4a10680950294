package dev.servelab.hw.perf.model;

/**
 * A decoder-only transformer's architecture, as read from a Hugging Face {@code config.json}.
 * Dense models have {@code numExperts == 1}; mixture-of-experts models (Mixtral) route each token
 * to {@code expertsPerToken} of {@code numExperts} MLPs of width {@code moeIntermediateSize}, plus
 * {@code sharedExperts} always-active MLPs of the same width (DeepSeek-MoE/V3); the first
 * {@code denseLayers} layers keep a dense MLP of width {@code intermediateSize} (DeepSeek-V3's
 * {@code first_k_dense_replace}). {@code kvLatentDim > 0} is multi-head latent attention (MLA,
 * DeepSeek-V2/V3): each token caches one latent vector of that many elements per layer
 * ({@code kv_lora_rank + qk_rope_head_dim}) instead of K and V per KV head; the attention
 * arithmetic is approximated by multi-head attention over {@code numHeads} heads of {@code headDim}.
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
        int maxPositionEmbeddings,
        int moeIntermediateSize,
        int sharedExperts,
        int denseLayers,
        int kvLatentDim) {

    /** A model without shared experts, dense layers before its MoE layers, or latent attention. */
    public ModelSpec(String id, int hiddenSize, int numLayers, int numHeads, int numKvHeads, int headDim,
            int intermediateSize, int vocabSize, int numExperts, int expertsPerToken, boolean tiedEmbeddings,
            int maxPositionEmbeddings) {
        this(id, hiddenSize, numLayers, numHeads, numKvHeads, headDim, intermediateSize, vocabSize, numExperts,
                expertsPerToken, tiedEmbeddings, maxPositionEmbeddings, intermediateSize, 0, 0, 0);
    }

    public ModelSpec {
        if (moeIntermediateSize <= 0 || sharedExperts < 0 || denseLayers < 0 || denseLayers > numLayers
                || kvLatentDim < 0) {
            throw new IllegalArgumentException("model " + id + ": moe_intermediate_size must be positive, "
                    + "shared experts, dense layers (<= layers) and the KV latent size non-negative");
        }
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
        return 3L * hiddenSize * moeIntermediateSize;
    }

    /** Parameters of one decoder layer, all experts included (an MoE layer when the model has experts). */
    public long paramsPerLayer() {
        long router = isMoe() ? (long) hiddenSize * numExperts : 0;
        return attentionParamsPerLayer() + (numExperts + sharedExperts) * mlpParamsPerExpert() + router
                + 2L * hiddenSize;
    }

    /** Q, K, V and output projection parameters of one layer. */
    public long attentionParamsPerLayer() {
        return (long) hiddenSize * qkvWidth() + attentionWidth() * hiddenSize;
    }

    /** Parameters of one of the first {@code denseLayers} layers (dense MLP of {@code intermediateSize}). */
    public long denseLayerParams() {
        return attentionParamsPerLayer() + 3L * hiddenSize * intermediateSize + 2L * hiddenSize;
    }

    /** Parameters of {@code layers} consecutive layers starting at layer {@code first}. */
    public long layerParams(int first, int layers) {
        int dense = Math.max(0, Math.min(denseLayers, first + layers) - first);
        return dense * denseLayerParams() + (long) (layers - dense) * paramsPerLayer();
    }

    /** Routed experts' parameters of one MoE layer (what expert parallelism shards). */
    public long routedExpertParamsPerLayer() {
        return isMoe() ? numExperts * mlpParamsPerExpert() : 0;
    }

    public long embeddingParams() {
        return (long) vocabSize * hiddenSize;
    }

    /** Total parameters: layers, final norm, embedding and (unless tied) the LM head. */
    public long parameterCount() {
        long head = tiedEmbeddings ? 0 : embeddingParams();
        return layerParams(0, numLayers) + hiddenSize + embeddingParams() + head;
    }

    /** Parameters a token's forward pass uses (top-k experts only), embedding and LM head included. */
    public long activeParameterCount() {
        long perLayer = paramsPerLayer() - (long) (numExperts - expertsPerToken) * mlpParamsPerExpert();
        long dense = Math.min(denseLayers, numLayers);
        return dense * denseLayerParams() + (numLayers - dense) * perLayer + hiddenSize + embeddingParams() + (tiedEmbeddings ? 0 : embeddingParams());
    }

    /** Bytes of all weights stored in {@code dtype} (norms are counted in the same dtype). */
    public double weightBytes(Dtype dtype) {
        return parameterCount() * dtype.bytesPerElement();
    }

    /**
     * KV-cache bytes of one token over all layers: 2 (K and V) x layers x kv heads x head dim, or
     * layers x latent size under latent attention.
     */
    public double kvBytesPerToken(Dtype kvDtype) {
        if (kvLatentDim > 0) {
            return (double) numLayers * kvLatentDim * kvDtype.bytesPerElement();
        }
        return 2.0 * numLayers * numKvHeads * headDim * kvDtype.bytesPerElement();
    }

    /** KV elements one token caches in one layer on one of {@code tp} tensor-parallel devices. */
    public double kvElementsPerTokenLayer(double tp) {
        if (kvLatentDim > 0) {
            return kvLatentDim; // the latent is replicated on every tensor-parallel rank (vLLM's MLA)
        }
        return 2.0 * Math.max(1.0, numKvHeads / tp) * headDim;
    }
}
