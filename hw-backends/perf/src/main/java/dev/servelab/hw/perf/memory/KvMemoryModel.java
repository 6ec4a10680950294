package dev.servelab.hw.perf.memory;

import dev.servelab.hw.perf.operator.Deployment;
import dev.servelab.hw.perf.hardware.HardwareSpec;
import dev.servelab.hw.perf.model.ModelSpec;

/**
 * vLLM's KV-cache sizing (its {@code determine_num_available_blocks}): each device may use
 * {@code gpu_memory_utilization} of its memory; from that it subtracts its weight shard, the
 * activation peak of a profiling forward pass over {@code max_num_batched_tokens} tokens (and
 * the sampler's fp32 logits for {@code max_num_seqs} sequences), and non-PyTorch memory; the rest
 * is divided into blocks of {@code block_size} tokens of K and V for the device's layers and KV
 * heads. Layers are split over pipeline stages ({@code ceil(layers / pp)} on the fullest stage),
 * heads over the tensor-parallel degree (KV heads are replicated when fewer than the TP degree).
 */
public final class KvMemoryModel {
    private KvMemoryModel() {}

    public static KvBudget budget(ModelSpec m, HardwareSpec hw, Deployment d, MemorySettings s) {
        int tp = d.tensorParallel();
        int pp = d.pipelineParallel();
        int stageLayers = (m.numLayers() + pp - 1) / pp;
        double wb = d.weightDtype().bytesPerElement();
        double ab = d.activationDtype().bytesPerElement();
        double head = m.tiedEmbeddings() ? 0 : m.embeddingParams();
        double ends = pp == 1 ? m.embeddingParams() + head + m.hiddenSize() : Math.max(m.embeddingParams(), head);
        double weights = (stageLayers * (double) m.paramsPerLayer() + ends) / tp * wb;

        double perToken = ab * (4.0 * m.hiddenSize() + (double) m.qkvWidth() / tp
                + 3.0 * m.expertsPerToken() * m.intermediateSize() / tp);
        double logits = 2.0 * 4.0 * s.maxNumSeqs() * ((double) m.vocabSize() / tp);
        double activation = s.maxNumBatchedTokens() * perToken + logits;

        double usable = s.gpuMemoryUtilization() * hw.memoryBytes();
        double kvBytes = usable - weights - activation - s.nonTorchBytes();
        double kvHeads = Math.max(1.0, (double) m.numKvHeads() / tp);
        double perBlock = s.blockSizeTokens() * stageLayers * 2.0 * kvHeads * m.headDim() * d.kvDtype().bytesPerElement();
        long blocks = kvBytes <= 0 ? 0 : (long) Math.floor(kvBytes / perBlock);
        return new KvBudget(usable, weights, activation, s.nonTorchBytes(), Math.max(0, kvBytes), perBlock,
                s.blockSizeTokens(), blocks);
    }
}
