package dev.servelab.plugins.batch;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.servelab.engine.spi.BatchPlan;
import dev.servelab.engine.spi.SequenceView;
import dev.servelab.engine.spi.Setting;

/**
 * How a scheduler preempts: by recompute (vLLM's default: drop the KV, prefill again later) or by
 * swapping the KV to CPU memory over PCIe, each way taking
 * {@code blocks · block_size · kv_bytes_per_token / pcie_gb_per_s}.
 */
public record Preemption(
        @Setting(summary = "recompute or swap") Mode mode,
        @Setting(summary = "CPU-GPU copy bandwidth for swapping", unit = "GB/s", min = 0.001) double pcieGbPerS,
        @Setting(summary = "KV cache bytes per token (Llama-3-8B bf16: 131072)", unit = "bytes", min = 1) long kvBytesPerToken) {
    public enum Mode {
        @JsonProperty("recompute") RECOMPUTE, @JsonProperty("swap") SWAP;

        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static final Preemption RECOMPUTE = new Preemption();

    public Preemption() {
        this(Mode.RECOMPUTE, 25, 131_072);
    }

    @Override
    public String toString() {
        return "{mode: " + mode + ", pcie_gb_per_s: " + pcieGbPerS + ", kv_bytes_per_token: " + kvBytesPerToken + "}";
    }

    /** Preempts {@code s} from {@code plan} in this mode. */
    void apply(BatchPlan plan, SequenceView s, int blockSizeTokens) {
        if (mode == Mode.RECOMPUTE) plan.preempt(s);
        else plan.swapOut(s, transferNanos(s.blocksHeld(), blockSizeTokens));
    }

    /** One-way copy time of {@code blocks} KV blocks (1 GB/s = 1 byte/ns). */
    long transferNanos(int blocks, int blockSizeTokens) {
        return Math.round((double) blocks * blockSizeTokens * kvBytesPerToken / pcieGbPerS);
    }
}
