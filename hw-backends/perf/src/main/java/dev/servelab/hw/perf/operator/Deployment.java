package dev.servelab.hw.perf.operator;

import dev.servelab.hw.perf.model.Dtype;

/**
 * How one replica of a model is placed on devices: tensor-parallel degree (devices sharing
 * each layer), pipeline-parallel degree (stages of consecutive layers), the weight storage type
 * (bf16, fp8, int8, int4) and the KV-cache type. Activations are bf16. Matrix products run in
 * fp8 when the weights are fp8 (W8A8, on devices with fp8 units) and in bf16 otherwise
 * (int8/int4 weight-only formats are dequantized on the fly).
 */
public record Deployment(int tensorParallel, int pipelineParallel, Dtype weightDtype, Dtype kvDtype) {

    public Deployment {
        if (tensorParallel < 1 || pipelineParallel < 1) {
            throw new IllegalArgumentException("tensor and pipeline parallel degrees must be >= 1");
        }
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
