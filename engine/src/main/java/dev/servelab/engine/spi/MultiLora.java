package dev.servelab.engine.spi;

/**
 * A pool's multi-LoRA serving (pipeline key {@code pools[i].lora}): many low-rank adapters over one
 * base model, each request naming its adapter ({@link dev.servelab.engine.model.Request#adapter()}).
 * As in vLLM ({@code --enable-lora --max-loras --max-lora-rank}): the GPU holds {@code maxLoras} adapter
 * slots, each sized for rank {@code maxLoraRank}, reserved up front (so the KV cache shrinks by their
 * bytes); a batch holds at most {@code maxLoras} distinct adapters, and a request whose adapter cannot get
 * a slot waits. Loading an adapter that is not resident takes {@link #loadNanos(long)} on the iteration
 * that first uses it and evicts the least recently used adapter no running request uses (S-LoRA,
 * Sheng et al., MLSys 2024; Punica, Chen et al., MLSys 2024).
 *
 * <p>Adapter bytes (one slot): {@code rank × Σ_targeted (d_in + d_out) × layers × dtypeBytes}, where the
 * sum runs over the targeted matrices of one layer (A is {@code d_in × r}, B is {@code r × d_out}); the
 * executor, which knows the model's shapes, computes it.
 *
 * @param maxLoras        adapter slots on the GPU = most distinct adapters in one batch (vLLM {@code max_loras})
 * @param maxLoraRank     rank every slot is sized for (vLLM {@code max_lora_rank})
 * @param targets         which weight matrices the adapters modify
 * @param adapterLoadMs   fixed time to load one adapter, or null to use {@code loadBandwidthGbS}
 * @param loadBandwidthGbS host-to-GPU bandwidth adapters load at (GB/s), when {@code adapterLoadMs} is null
 * @param dtypeBytes      bytes per adapter weight (2 for bf16/fp16)
 */
public record MultiLora(int maxLoras, int maxLoraRank, Targets targets, Double adapterLoadMs, double loadBandwidthGbS,
                        int dtypeBytes) {
    /** The matrices adapters are applied to; names are the pipeline spellings. */
    public enum Targets {
        /** q, k, v and o projections of every layer (PEFT's common default). */
        ATTENTION("attention"),
        /** the attention projections plus the MLP's gate, up and down matrices. */
        ALL_LINEAR("all-linear");

        private final String id;

        Targets(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        /** The value spelled {@code id}, or null. */
        public static Targets of(String id) {
            for (Targets t : values()) if (t.id.equals(id)) return t;
            return null;
        }
    }

    public MultiLora {
        if (maxLoras < 1) throw new IllegalArgumentException("max_loras must be at least 1");
        if (maxLoraRank < 1) throw new IllegalArgumentException("max_lora_rank must be at least 1");
        if (targets == null) throw new IllegalArgumentException("target_modules is required");
        if (adapterLoadMs != null && !(adapterLoadMs >= 0)) throw new IllegalArgumentException("adapter_load_ms must be >= 0");
        if (!(loadBandwidthGbS > 0)) throw new IllegalArgumentException("load_bandwidth_gb_s must be > 0");
        if (dtypeBytes < 1) throw new IllegalArgumentException("dtype_bytes must be at least 1");
    }

    /** Time to load one adapter of {@code adapterBytes}: the fixed {@code adapterLoadMs}, else bytes over the bandwidth. */
    public long loadNanos(long adapterBytes) {
        if (adapterLoadMs != null) return Math.round(adapterLoadMs * 1e6);
        return Math.round(adapterBytes / loadBandwidthGbS);
    }
}
