package dev.servelab.hw.perf.memory;

import dev.servelab.hw.perf.hardware.HardwareSpec;
import dev.servelab.hw.perf.model.ModelSpec;
import dev.servelab.hw.perf.operator.Deployment;

/**
 * Vidur's KV sizing ({@code vidur/scheduler/utils/memory_planner.py} and {@code utils/param_counter.py},
 * microsoft/vidur, MIT), as its replica schedulers apply it when {@code num_blocks} is not given:
 * available = device memory × (1 − {@code memory_margin_fraction}); weights = 2 bytes (the weight dtype's
 * here) × the device's parameters of Q/K/V/O and the gated MLP only (no embeddings, no norms), K and V
 * heads rounded up per tensor-parallel worker; one request slot = K and V of {@code max_tokens} tokens on
 * every layer; slots = ⌊(available − weights) / slot⌋ × pipeline stages; blocks = slots ×
 * ⌊max_tokens / block_size⌋. CodeLlama-34B, TP 2, A100-80GB, margin 0.1, 4,096 tokens, 16-token blocks:
 * 109 slots × 256 = 27,904 blocks.
 */
public final class VidurMemoryPlanner {
    private VidurMemoryPlanner() {
    }

    /** KV blocks of {@code blockSizeTokens} one replica holds by Vidur's rule (0 when the weights do not fit). */
    public static long blocks(ModelSpec m, HardwareSpec hw, Deployment d, double marginFraction, int maxTokens,
                              int blockSizeTokens) {
        int tp = d.tensorParallel();
        long qHeads = m.numHeads() / tp;
        long kvHeads = (m.numKvHeads() + tp - 1) / tp;
        long hidden = m.hiddenSize();
        long perLayer = hidden * m.headDim() * (qHeads + 2 * kvHeads) + hidden * m.headDim() * qHeads
                + (long) m.numExperts() * 3L * hidden * m.intermediateSize() / tp;
        double weights = d.weightDtype().bytesPerElement() * perLayer * (m.numLayers() / d.pipelineParallel());
        double slot = d.kvDtype().bytesPerElement() * 2.0 * m.headDim() * kvHeads * maxTokens * m.numLayers();
        double available = hw.memoryBytes() * (1 - marginFraction);
        long slots = (long) Math.floor((available - weights) / slot);
        return slots <= 0 ? 0 : slots * d.pipelineParallel() * (maxTokens / blockSizeTokens);
    }
}
