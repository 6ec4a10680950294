package dev.servelab.hw.perf.operator;

import dev.servelab.hw.perf.model.Dtype;

/**
 * How one replica of a model is placed on devices: tensor-parallel degree (devices sharing
 * each layer), pipeline-parallel degree (stages of consecutive layers), the weight storage type
 * (bf16, fp8, int8, int4) and the KV-cache type. Activations are bf16. Matrix products run in
 * fp8 when the weights are fp8 (W8A8, on devices with fp8 units) and in bf16 otherwise
 * (int8/int4 weight-only formats are dequantized on the fly).
 *
 * <p>Mixture-of-experts placement, as vLLM's {@code --enable-expert-parallel} and
 * {@code --data-parallel-size} with DP attention (and SGLang's {@code --enable-dp-attention}):
 * {@code expertParallel} is 1 (every expert split over the TP devices, Megatron style) or the TP
 * degree (each device of a stage holds {@code experts / EP} whole experts). With
 * {@code dataParallelAttention} the stage's devices run attention data-parallel (full attention
 * weights on each, each serving {@code 1 / TP} of the sequences with its own KV cache) and the
 * MoE layer exchanges tokens by all-to-all dispatch and combine instead of all-reduce.
 * {@code expertSkew} is the Zipf exponent of expert popularity (0 = uniform routing).
 */
public record Deployment(int tensorParallel, int pipelineParallel, Dtype weightDtype, Dtype kvDtype,
        int expertParallel, boolean dataParallelAttention, double expertSkew) {

    public Deployment {
        if (tensorParallel < 1 || pipelineParallel < 1) {
            throw new IllegalArgumentException("tensor and pipeline parallel degrees must be >= 1");
        }
        if (expertParallel != 1 && expertParallel != tensorParallel) {
            throw new IllegalArgumentException("expert_parallel must be 1 or the tensor-parallel degree ("
                    + tensorParallel + "), got " + expertParallel);
        }
        if (dataParallelAttention && tensorParallel < 2) {
            throw new IllegalArgumentException("data_parallel_attention needs tensor_parallel >= 2");
        }
        if (!(expertSkew >= 0 && expertSkew <= 4)) {
            throw new IllegalArgumentException("expert_skew must be in [0, 4], got " + expertSkew);
        }
    }

    /** A dense-style placement: no expert parallelism, TP attention, uniform expert routing. */
    public Deployment(int tensorParallel, int pipelineParallel, Dtype weightDtype, Dtype kvDtype) {
        this(tensorParallel, pipelineParallel, weightDtype, kvDtype, 1, false, 0);
    }

    /** Data-parallel attention ranks inside a stage (the TP degree with DP attention, else 1). */
    public int attentionDataParallel() {
        return dataParallelAttention ? tensorParallel : 1;
    }

    /** Tensor-parallel degree of the attention layers (1 under DP attention). */
    public int attentionTensorParallel() {
        return dataParallelAttention ? 1 : tensorParallel;
    }

    /** One device, bf16 weights and KV cache. */
    public static Deployment single() {
        return new Deployment(1, 1, Dtype.BF16, Dtype.BF16);
    }

    public static Deployment of(int tp, int pp) {
        return new Deployment(tp, pp, Dtype.BF16, Dtype.BF16);
    }

    public int devices() {
        return tensorParallel * pipelineParallel;
    }

    public Dtype computeDtype() {
        return weightDtype == Dtype.FP8 ? Dtype.FP8 : Dtype.BF16;
    }

    public Dtype activationDtype() {
        return Dtype.BF16;
    }
}
