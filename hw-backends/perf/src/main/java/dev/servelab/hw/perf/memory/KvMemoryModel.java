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
        double ab = d.activationDtype().bytesPerElement();
        double head = m.tiedEmbeddings() ? 0 : m.embeddingParams();
        double ends = pp == 1 ? m.embeddingParams() + head + m.hiddenSize() : Math.max(m.embeddingParams(), head);
        double weights = stageWeightBytes(m, d, stageLayers, ends);

        double perToken = ab * (4.0 * m.hiddenSize() + (double) m.qkvWidth() / tp
                + 3.0 * m.expertsPerToken() * m.moeIntermediateSize() / tp);
        double logits = 2.0 * 4.0 * s.maxNumSeqs() * ((double) m.vocabSize() / tp);
        double activation = s.maxNumBatchedTokens() * perToken + logits;

        double usable = s.gpuMemoryUtilization() * hw.memoryBytes();
        double kvBytes = usable - weights - activation - s.nonTorchBytes();
        double perBlock = s.blockSizeTokens() * stageLayers * m.kvElementsPerTokenLayer(d.attentionTensorParallel())
                * d.kvDtype().bytesPerElement();
        long blocks = kvBytes <= 0 ? 0 : (long) Math.floor(kvBytes / perBlock) * d.attentionDataParallel();
        return new KvBudget(usable, weights, activation, s.nonTorchBytes(), Math.max(0, kvBytes), perBlock,
                s.blockSizeTokens(), blocks);
    }

    /**
     * Weight bytes on one device of the fullest stage: everything split over the TP degree, except
     * attention under data-parallel attention (replicated on every device). Expert parallelism
     * (EP = TP) leaves the bytes per device unchanged: {@code E / TP} whole experts instead of every
     * expert's {@code 1 / TP} slice. Stages are the first and the last {@code stageLayers} layers
     * (dense layers of an MoE model come first), whichever is heavier.
     */
    private static double stageWeightBytes(ModelSpec m, Deployment d, int stageLayers, double ends) {
        int tp = d.tensorParallel();
        double wb = d.weightDtype().bytesPerElement();
        double layers = Math.max(m.layerParams(0, stageLayers), m.layerParams(m.numLayers() - stageLayers, stageLayers));
        if (!d.dataParallelAttention()) {
            return (layers + ends) / tp * wb;
        }
        double attention = (double) stageLayers * m.attentionParamsPerLayer();
        return ((layers - attention + ends) / tp + attention) * wb;
    }
}
