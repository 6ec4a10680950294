package dev.servelab.hw.perf.cli;

import dev.servelab.hw.perf.operator.Deployment;
import dev.servelab.hw.perf.model.Dtype;
import picocli.CommandLine.Option;

/** The {@code --tp --pp --weights --kv --ep --dp-attention --expert-skew} options shared by the performance-model commands. */
public final class DeploymentOptions {
    @Option(names = "--tp", defaultValue = "1", description = "tensor-parallel degree (default: ${DEFAULT-VALUE})")
    int tensorParallel;

    @Option(names = "--pp", defaultValue = "1", description = "pipeline-parallel degree (default: ${DEFAULT-VALUE})")
    int pipelineParallel;

    @Option(names = "--weights", defaultValue = "bf16", description = "weight dtype: bf16, fp16, fp8, int8, int4 (default: ${DEFAULT-VALUE})")
    String weightDtype;

    @Option(names = "--kv", defaultValue = "bf16", description = "KV-cache dtype: bf16, fp16, fp8 (default: ${DEFAULT-VALUE})")
    String kvDtype;

    @Option(names = "--ep", defaultValue = "1",
            description = "expert-parallel degree of MoE layers: 1 or the TP degree (default: ${DEFAULT-VALUE})")
    int expertParallel;

    @Option(names = "--dp-attention", description = "attention data-parallel over the TP devices (MoE all-to-all)")
    boolean dataParallelAttention;

    @Option(names = "--expert-skew", defaultValue = "0",
            description = "Zipf exponent of expert popularity, 0 = uniform (default: ${DEFAULT-VALUE})")
    double expertSkew;

    public Deployment deployment() {
        return new Deployment(tensorParallel, pipelineParallel, Dtype.parse(weightDtype), Dtype.parse(kvDtype),
                expertParallel, dataParallelAttention, expertSkew);
    }
}
