package dev.servelab.hw.perf.operator;

import dev.servelab.hw.perf.model.ModelSpec;

/**
 * FLOPs and bytes moved by each operator on one tensor-parallel shard. Matrix products
 * {@code [M x K] @ [K x N]} cost {@code 2MKN} FLOPs and move the weights plus input and output
 * activations. Q/K/V, MLP and LM-head weights are split column-wise over the TP degree, the
 * output and down projections row-wise (Megatron-LM layout, as vLLM shards them). Attention
 * counts FlashAttention's FLOPs: {@code 4 * headDim * heads} per (query, key) pair, causal
 * pairs only; decode reads every cached K and V byte once.
 *
 * <p>Mixture-of-experts layers route each token to {@code k} experts; the weight bytes read are
 * those of the experts that at least one token picked, {@code E * (1 - (1 - k/E)^T)} in
 * expectation for uniform routing; under a routing skew (Zipf exponent {@code s} over experts) each
 * expert {@code i} is picked by a token with probability {@code min(1, k p_i)} and is read when any
 * token picks it. Shared experts (DeepSeek-MoE) are a dense MLP every token passes through.
 *
 * <p>With expert parallelism (EP = TP) each device holds {@code E / EP} whole experts (experts are
 * dealt to devices round-robin in popularity order) and the busiest device, which bounds the layer,
 * computes its experts' share of the {@code T k} routed token-expert pairs. Under data-parallel
 * attention the attention operators use unsharded widths (the caller passes each rank's tokens).
 */
public final class OperatorCosts {
    private final double hidden;
    private final double qkvWidth;
    private final double attnWidth;
    private final double inter;
    private final double vocab;
    private final double qHeads;
    private final double kvHeads;
    private final double headDim;
    private final double experts;
    private final double topK;
    private final double wb;
    private final double ab;
    private final double kvb;
    private final double prefillSquareFraction;
    private final double share;
    private final double sharedInter;
    private final double[] rankPickProbability;
    private final double hiddenPerToken;
    private final int expertParallel;

    /** Costs with FlashAttention's causal block skipping (prefill square fraction 0.5). */
    public OperatorCosts(ModelSpec m, Deployment d) {
        this(m, d, 0.5);
    }

    /**
     * @param prefillSquareFraction the fraction of a prefill chunk's own (chunk x chunk) score
     *     matrix the attention kernel computes: 0.5 when it skips the masked half (FlashAttention
     *     with causal masking), 1.0 when it computes the whole square (kernels that attend over a
     *     cached prefix without causal block skipping, as in Vidur's A100 profile)
     */
    public OperatorCosts(ModelSpec m, Deployment d, double prefillSquareFraction) {
        this.prefillSquareFraction = prefillSquareFraction;
        double tp = d.tensorParallel();
        double atp = d.attentionTensorParallel();
        hidden = m.hiddenSize();
        qkvWidth = m.qkvWidth() / atp;
        attnWidth = m.attentionWidth() / atp;
        experts = m.numExperts();
        expertParallel = experts > 1 ? d.expertParallel() : 1;
        inter = expertParallel > 1 ? m.moeIntermediateSize() : m.moeIntermediateSize() / tp;
        sharedInter = (double) m.sharedExperts() * m.moeIntermediateSize() / tp;
        vocab = m.vocabSize() / tp;
        qHeads = m.numHeads() / atp;
        kvHeads = m.kvLatentDim() > 0 ? m.kvLatentDim() / 2.0 / m.headDim() : Math.max(1.0, m.numKvHeads() / atp);
        headDim = m.headDim();
        topK = m.expertsPerToken();
        wb = d.weightDtype().bytesPerElement();
        ab = d.activationDtype().bytesPerElement();
        kvb = d.kvDtype().bytesPerElement();
        hiddenPerToken = ab * hidden;
        double[] p = ExpertPopularity.zipf(m.numExperts(), d.expertSkew());
        rankPickProbability = ExpertPopularity.busiestRank(p, expertParallel, topK);
        share = expertParallel > 1 ? ExpertPopularity.busiestRankShare(p, expertParallel) : 1.0;
    }

    /** The dense MLP of a mixture-of-experts model's first layers (DeepSeek-V3's {@code first_k_dense_replace}). */
    public static OperatorCosts denseLayers(ModelSpec m, Deployment d, double prefillSquareFraction) {
        ModelSpec dense = new ModelSpec(m.id() + "/dense", m.hiddenSize(), m.numLayers(), m.numHeads(), m.numKvHeads(),
                m.headDim(), m.intermediateSize(), m.vocabSize(), 1, 1, m.tiedEmbeddings(), m.maxPositionEmbeddings(),
                m.intermediateSize(), 0, 0, m.kvLatentDim());
        return new OperatorCosts(dense, new Deployment(d.tensorParallel(), d.pipelineParallel(), d.weightDtype(),
                d.kvDtype(), 1, d.dataParallelAttention(), 0), prefillSquareFraction);
    }

    /** FLOPs of a token-indexed operator over {@code tokens} rows. */
    public double flops(Operator op, double tokens) {
        return switch (op) {
            case RMS_NORM -> 4 * tokens * hidden;
            case QKV -> 2 * tokens * hidden * qkvWidth;
            case ROPE -> 6 * tokens * (qHeads + kvHeads) * headDim;
            case ATTN_OUT -> 2 * tokens * attnWidth * hidden;
            case MOE_ROUTER -> experts > 1 ? 2 * tokens * hidden * experts : 0;
            case MLP_UP_GATE -> 2 * tokens * (topK * share) * hidden * 2 * inter + 2 * tokens * hidden * 2 * sharedInter;
            case ACTIVATION -> 4 * tokens * (topK * share) * inter + 4 * tokens * sharedInter;
            case MLP_DOWN -> 2 * tokens * (topK * share) * inter * hidden + 2 * tokens * sharedInter * hidden;
            case RESIDUAL_ADD -> tokens * hidden;
            case LM_HEAD -> 2 * tokens * hidden * vocab;
            case SAMPLING -> 5 * tokens * vocab;
            default -> 0;
        };
    }

    /** Bytes read and written by a token-indexed operator over {@code tokens} rows. */
    public double bytes(Operator op, double tokens) {
        return switch (op) {
            case EMBEDDING -> 2 * ab * tokens * hidden;
            case RMS_NORM -> ab * (2 * tokens * hidden + hidden);
            case QKV -> gemmBytes(tokens, hidden, qkvWidth);
            case ROPE -> 2 * ab * tokens * (qHeads + kvHeads) * headDim;
            case ATTN_OUT -> gemmBytes(tokens, attnWidth, hidden);
            case MOE_ROUTER -> experts > 1 ? gemmBytes(tokens, hidden, experts) : 0;
            case MLP_UP_GATE -> activeExperts(tokens) * wb * hidden * 2 * inter
                    + ab * tokens * (hidden + (topK * share) * 2 * inter) + sharedBytes(tokens, hidden, 2 * sharedInter);
            case ACTIVATION -> 3 * ab * tokens * (topK * share) * inter + 3 * ab * tokens * sharedInter;
            case MLP_DOWN -> activeExperts(tokens) * wb * inter * hidden + ab * tokens * ((topK * share) * inter + hidden)
                    + sharedBytes(tokens, sharedInter, hidden);
            case RESIDUAL_ADD -> 3 * ab * tokens * hidden;
            case LM_HEAD -> gemmBytes(tokens, hidden, vocab);
            case SAMPLING -> 2 * 4 * tokens * vocab;
            default -> 0;
        };
    }

    private double sharedBytes(double tokens, double k, double n) {
        return sharedInter == 0 ? 0 : gemmBytes(tokens, k, n);
    }

    private double gemmBytes(double m, double k, double n) {
        return wb * k * n + ab * (m * k + m * n);
    }

    /**
     * Expected number of distinct experts whose weights one device reads for {@code tokens} tokens
     * (1 for dense models): all experts hit under TP, those of the busiest device under EP.
     */
    public double activeExperts(double tokens) {
        if (experts <= 1) {
            return 1;
        }
        if (rankPickProbability == null) {
            return experts * (1 - Math.pow(1 - topK / experts, tokens));
        }
        double active = 0;
        for (double q : rankPickProbability) {
            active += 1 - Math.pow(1 - q, tokens);
        }
        return active;
    }

    /**
     * Bytes one device sends in one all-to-all (dispatch or combine) of an expert-parallel layer for
     * {@code tokensPerRank} tokens of its own: each token goes to {@code k} experts, {@code (EP-1)/EP}
     * of them on other devices. 0 without expert parallelism.
     */
    public double allToAllBytesPerRank(double tokensPerRank) {
        if (expertParallel <= 1) {
            return 0;
        }
        return tokensPerRank * topK * hiddenPerToken * (expertParallel - 1) / expertParallel;
    }

    /** The expert-parallel degree this cost model shards experts over (1 without experts or EP). */
    public int expertParallel() {
        return expertParallel;
    }

    /** Causal (query, key) pairs of a chunk of {@code chunk} new tokens after {@code context} cached ones. */
    public static double causalPairs(double chunk, double context) {
        return chunk * context + chunk * (chunk + 1) / 2;
    }

    public double prefillFlops(double chunk, double context) {
        return 4 * headDim * qHeads * (chunk * context + prefillSquareFraction * chunk * (chunk + 1));
    }

    public double prefillBytes(double chunk, double context) {
        return 2 * ab * chunk * qHeads * headDim + 2 * kvb * (chunk + context) * kvHeads * headDim;
    }

    /** Decode attention FLOPs for sequences whose contexts add up to {@code totalContext}. */
    public double decodeFlops(double totalContext) {
        return 4 * headDim * qHeads * totalContext;
    }

    /** K and V bytes read for {@code totalContext} cached tokens, plus each query's input and output. */
    public double decodeBytes(double batch, double totalContext) {
        return 2 * kvb * totalContext * kvHeads * headDim + 2 * ab * batch * qHeads * headDim;
    }

    /** Bytes of one token's hidden state (what all-reduce and pipeline send/recv move). */
    public double hiddenBytesPerToken() {
        return ab * hidden;
    }

    /** Bytes of one token's logits shard (gathered for the LM head under tensor parallelism). */
    public double logitBytesPerToken() {
        return ab * vocab;
    }
}
