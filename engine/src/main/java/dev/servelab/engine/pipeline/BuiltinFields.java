package dev.servelab.engine.pipeline;

import dev.servelab.engine.plugin.SettingInfo;

import java.util.List;

/**
 * The settings of the nodes that are not plugins — replica pools, the metrics sink and the pipeline
 * itself — described like plugin settings (defaults and ranges as {@code PipelineLoader} applies them).
 * The workbench's property sheet edits them and {@code servelab plugins --settings} lists them; a pool
 * setting that {@code PipelineLoader} reads belongs here so that both show it.
 */
public final class BuiltinFields {
    /** The pool row whose editor is a drop-down of the speculative methods. */
    public static final String SPECULATIVE_METHOD = "speculative.method";

    public static final List<SettingInfo> POOL = List.of(
            new SettingInfo("name", String.class, "pool", "pool name", "", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY),
            new SettingInfo("replicas", Integer.class, 1, "identical replicas in the pool", "replicas", 1, 100_000),
            new SettingInfo("model", String.class, "llama-3.1-8b", "model served (catalog id)", "", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY),
            new SettingInfo("hardware", String.class, "h100-sxm", "accelerator per replica (catalog id)", "", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY),
            new SettingInfo("tensor_parallel", Integer.class, 1, "tensor-parallel degree", "GPUs", 1, 1024),
            new SettingInfo("max_num_seqs", Integer.class, 256, "vLLM max_num_seqs: sequences per batch", "seqs", 1, 1_000_000),
            new SettingInfo("max_num_batched_tokens", Integer.class, 8192, "vLLM max_num_batched_tokens per iteration", "tokens", 1, 100_000_000),
            new SettingInfo("price_usd_per_hour", Double.class, null, "price per device-hour, overriding the hardware file's (empty = the file's)", "USD", 0, 1_000_000),
            new SettingInfo("kv_cache.block_size", Integer.class, 16, "KV-cache block size", "tokens", 1, 1 << 20),
            new SettingInfo("kv_cache.capacity_blocks", Integer.class, 0, "KV blocks per replica (0 = from the memory model)", "blocks", 0, Integer.MAX_VALUE),
            new SettingInfo("kv_cache.prefix_caching", Boolean.class, true, "reuse cached blocks of shared prefixes", "", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY),
            new SettingInfo("kv_cache.gpu_memory_utilization", Double.class, 0.9, "fraction of device memory used", "", 0.01, 1.0),
            new SettingInfo("lora.max_loras", Integer.class, null, "multi-LoRA: adapter slots = distinct adapters per batch (empty = no LoRA)", "adapters", 1, 4096),
            new SettingInfo("lora.max_lora_rank", Integer.class, 16, "multi-LoRA: rank each adapter slot is sized for", "", 1, 4096),
            new SettingInfo("lora.target_modules", String.class, "attention", "multi-LoRA: attention or all-linear", "", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY),
            new SettingInfo("lora.adapter_load_ms", Double.class, null, "multi-LoRA: fixed adapter load time (empty = bytes / bandwidth)", "ms", 0, 1e9),
            new SettingInfo("lora.load_bandwidth_gb_s", Double.class, 25.0, "multi-LoRA: host-to-GPU adapter load bandwidth", "GB/s", 1e-6, 1e6),
            new SettingInfo(SPECULATIVE_METHOD, String.class, null, "speculative decoding: draft-model, eagle, ngram or mtp (empty = off)", "", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY),
            new SettingInfo("speculative.num_speculative_tokens", Integer.class, 3, "k, proposed tokens verified per decode step", "tokens", 1, 64),
            new SettingInfo("speculative.acceptance.rate", Double.class, null, "probability each proposal is accepted (simulation; live measures it)", "", 0, 1),
            new SettingInfo("speculative.acceptance.file", String.class, null, "measured acceptance file (per_position rates), instead of rate", "", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY),
            new SettingInfo("speculative.draft_model", String.class, null, "draft model: catalog id (simulation) or GGUF file (exec.jvm); draft-model only", "", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY),
            new SettingInfo("kv_cache.cpu_tier.capacity_gib", Double.class, null, "KV offload: CPU-memory tier size (empty = no CPU tier)", "GiB", 0, 1e9),
            new SettingInfo("kv_cache.cpu_tier.bandwidth_gb_s", Double.class, null, "CPU tier host-link bandwidth (empty = 25)", "GB/s", 1e-6, 1e6),
            new SettingInfo("kv_cache.disk_tier.capacity_gib", Double.class, null, "KV offload: disk/remote tier size (empty = no disk tier)", "GiB", 0, 1e9),
            new SettingInfo("kv_cache.disk_tier.bandwidth_gb_s", Double.class, null, "disk tier read bandwidth (empty = 5)", "GB/s", 1e-6, 1e6),
            new SettingInfo("kv_cache.disk_tier.latency_ms", Double.class, null, "disk tier latency per load (empty = 1)", "ms", 0, 1e6),
            new SettingInfo("kv_cache.offload", String.class, null, "when blocks go down: on_evict or write_through (empty = on_evict)", "", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY),
            new SettingInfo("kv_cache.overlap", Boolean.class, false, "loads from lower tiers overlap the forward pass: max(compute, load)", "", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY));

    public static final List<SettingInfo> SINK = List.of(
            new SettingInfo("slo.ttft_ms", Double.class, null, "SLO on time to first token (empty = none)", "ms", 0, Double.MAX_VALUE),
            new SettingInfo("slo.tpot_ms", Double.class, null, "SLO on time per output token (empty = none)", "ms", 0, Double.MAX_VALUE),
            new SettingInfo("slo.e2el_ms", Double.class, null, "SLO on end-to-end latency (empty = none)", "ms", 0, Double.MAX_VALUE),
            new SettingInfo("metrics.bucket_ms", Long.class, 1000L, "time-bucket width of hit maps and throughput", "ms", 1, Double.MAX_VALUE),
            new SettingInfo("metrics.token_sample_requests", Integer.class, 10_000, "requests whose every token time is kept", "requests", 0, Integer.MAX_VALUE),
            new SettingInfo("metrics.token_sample_stride", Integer.class, 100, "then keep every n-th request's tokens", "", 0, Integer.MAX_VALUE));

    public static final List<SettingInfo> PIPELINE = List.of(
            new SettingInfo("name", String.class, "pipeline", "pipeline name (runs are stored under it)", "", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY),
            new SettingInfo("description", String.class, "", "one-line description", "", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY),
            new SettingInfo("seed", Long.class, 42L, "random seed (same seed, same run)", "", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY));

    private BuiltinFields() {
    }
}
