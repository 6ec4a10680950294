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
 * expectation for uniform routing.
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
        hidden = m.hiddenSize();
        qkvWidth = m.qkvWidth() / tp;
        attnWidth = m.attentionWidth() / tp;
        inter = m.intermediateSize() / tp;
        vocab = m.vocabSize() / tp;
        qHeads = m.numHeads() / tp;
        kvHeads = Math.max(1.0, m.numKvHeads() / tp);
        headDim = m.headDim();
        experts = m.numExperts();
        topK = m.expertsPerToken();
        wb = d.weightDtype().bytesPerElement();
        ab = d.activationDtype().bytesPerElement();
        kvb = d.kvDtype().bytesPerElement();
    }

    /** FLOPs of a token-indexed operator over {@code tokens} rows. */
    public double flops(Operator op, double tokens) {
        return switch (op) {
            case RMS_NORM -> 4 * tokens * hidden;
            case QKV -> 2 * tokens * hidden * qkvWidth;
            case ROPE -> 6 * tokens * (qHeads + kvHeads) * headDim;
            case ATTN_OUT -> 2 * tokens * attnWidth * hidden;
            case MOE_ROUTER -> experts > 1 ? 2 * tokens * hidden * experts : 0;
            case MLP_UP_GATE -> 2 * tokens * topK * hidden * 2 * inter;
            case ACTIVATION -> 4 * tokens * topK * inter;
            case MLP_DOWN -> 2 * tokens * topK * inter * hidden;
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
                    + ab * tokens * (hidden + topK * 2 * inter);
            case ACTIVATION -> 3 * ab * tokens * topK * inter;
            case MLP_DOWN -> activeExperts(tokens) * wb * inter * hidden + ab * tokens * (topK * inter + hidden);
            case RESIDUAL_ADD -> 3 * ab * tokens * hidden;
            case LM_HEAD -> gemmBytes(tokens, hidden, vocab);
            case SAMPLING -> 2 * 4 * tokens * vocab;
            default -> 0;
        };
    }

    private double gemmBytes(double m, double k, double n) {
        return wb * k * n + ab * (m * k + m * n);
    }

    /** Expected number of distinct experts hit by {@code tokens} tokens (1 for dense models). */
    public double activeExperts(double tokens) {
        if (experts <= 1) {
            return 1;
        }
        return experts * (1 - Math.pow(1 - topK / experts, tokens));
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
