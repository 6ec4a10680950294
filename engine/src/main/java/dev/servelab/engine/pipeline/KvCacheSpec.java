package dev.servelab.engine.pipeline;

/**
 * A pool's paged KV cache.
 *
 * @param blockSizeTokens      tokens per block (vLLM default 16)
 * @param capacityBlocks       blocks per replica; 0 = sized by the executor's memory model
 * @param prefixCaching        reuse cached blocks of shared prefixes (chained block hashes)
 * @param gpuMemoryUtilization fraction of device memory for weights, activations and KV (vLLM semantics)
 * @param eviction             the eviction policy node ({@code kv.*})
 */
public record KvCacheSpec(int blockSizeTokens, int capacityBlocks, boolean prefixCaching, double gpuMemoryUtilization,
                          NodeSpec eviction) {
}
