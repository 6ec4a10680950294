package dev.servelab.hw.sim;

import dev.servelab.engine.spi.ExecutorContext;
import dev.servelab.engine.spi.IterationBatch;
import dev.servelab.engine.spi.MultiLora;
import dev.servelab.hw.perf.OperatorTimer;
import dev.servelab.hw.perf.model.ModelSpec;

/**
 * What multi-LoRA adds to an iteration and takes from the KV cache. An adapter modifies each targeted
 * weight matrix {@code W (d_in × d_out)} by {@code x·A·B} with {@code A (d_in × r)} and {@code B (r × d_out)}:
 * <ul>
 *   <li>bytes of one adapter slot (rank {@code r = max_lora_rank}, as vLLM sizes every slot):
 *       {@code r × S × layers × dtype_bytes}, where {@code S = Σ_targeted (d_in + d_out)} per layer —
 *       attention: q {@code (h, heads·hd)}, k and v {@code (h, kv_heads·hd)}, o {@code (heads·hd, h)}, so
 *       {@code S = 4h + qkv_width + attention_width}; all-linear adds gate, up {@code (h, I)} and down
 *       {@code (I, h)}: {@code 3(h + I)} with the dense intermediate size {@code I};</li>
 *   <li>FLOPs per token that runs with an adapter: {@code 2 × r × S × layers} (shrink {@code x·A}, then
 *       expand), and bytes per iteration: every distinct adapter of the batch read once — Punica's
 *       SGMV/BGMV batch requests of different adapters into one kernel pair per layer (Chen et al.,
 *       "Punica: Multi-Tenant LoRA Serving", MLSys 2024);</li>
 *   <li>KV blocks lost: {@code ceil(max_loras × adapter_bytes / (kv_bytes_per_token × block_size))}, the
 *       slots vLLM reserves for {@code max_loras} adapters before the KV cache gets the rest.</li>
 * </ul>
 */
final class LoraCost {
    private final MultiLora setting;
    private final double sumDims;
    private final int layers;
    private final long adapterBytes;

    LoraCost(MultiLora setting, ModelSpec m) {
        this.setting = setting;
        this.sumDims = sumDims(setting.targets(), m);
        this.layers = m.numLayers();
        this.adapterBytes = Math.round((double) setting.maxLoraRank() * sumDims * layers * setting.dtypeBytes());
    }

    /** The cost model of {@code ctx}'s lora setting, or null when the pool has none. */
    static LoraCost of(ExecutorContext ctx, ModelSpec m) {
        return ctx.lora() == null ? null : new LoraCost(ctx.lora(), m);
    }

    /** {@code Σ (d_in + d_out)} over the targeted matrices of one layer. */
    static double sumDims(MultiLora.Targets targets, ModelSpec m) {
        double h = m.hiddenSize();
        double attention = 4 * h + m.qkvWidth() + m.attentionWidth();
        return switch (targets) {
            case ATTENTION -> attention;
            case ALL_LINEAR -> attention + 3 * (h + m.intermediateSize());
        };
    }

    /** Bytes of one adapter slot. */
    long adapterBytes() {
        return adapterBytes;
    }

    /** KV blocks the {@code max_loras} slots take from a cache of {@code kvBytesPerToken × blockSizeTokens} bytes per block. */
    long blocksLost(double kvBytesPerToken, int blockSizeTokens) {
        return (long) Math.ceil((double) setting.maxLoras() * adapterBytes / (kvBytesPerToken * blockSizeTokens));
    }

    /** The batch's extra FLOPs (whole replica). */
    double flops(IterationBatch b) {
        return 2.0 * setting.maxLoraRank() * sumDims * layers * b.loraTokens();
    }

    /** The batch's extra bytes (whole replica): each distinct adapter's weights once. */
    double bytes(IterationBatch b) {
        return (double) b.loraAdapters() * adapterBytes;
    }

    /**
     * Operator-level time: per layer a shrink and an expand kernel (SGMV), each with half the batch's LoRA
     * FLOPs and bytes of that layer, on one of {@code tp} devices.
     */
    double operatorNanos(IterationBatch b, OperatorTimer timer, int tp) {
        if (b.loraTokens() == 0) return 0;
        double flops = flops(b) / layers / 2 / tp;
        double bytes = bytes(b) / layers / 2 / tp;
        return 2.0 * layers * timer.gemmKernelNanos(flops, bytes);
    }
}
