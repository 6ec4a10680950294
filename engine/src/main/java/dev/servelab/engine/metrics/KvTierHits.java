package dev.servelab.engine.metrics;

/**
 * Prefix-cache hit tokens by the tier they came from (the GPU's blocks, the CPU tier, the disk/remote tier), in a
 * summary of a pipeline with tiered KV offload ({@code kv_cache.cpu_tier} / {@code disk_tier}); the three add up to
 * every hit token of {@code prefix_cache_hit_ratio}.
 */
public record KvTierHits(long gpuTokens, long cpuTokens, long diskTokens) {
}
