package dev.servelab.engine.pipeline;

/**
 * A pool's paged KV cache.
 *
 * @param blockSizeTokens      tokens per block (vLLM default 16)
 * @param capacityBlocks       blocks per replica; 0 = sized by the executor's memory model
 * @param prefixCaching        reuse cached blocks of shared prefixes (chained block hashes)
 * @param gpuMemoryUtilization fraction of device memory for weights, activations and KV (vLLM semantics)
 * @param eviction             the eviction policy node ({@code kv.*})
 * @param cpuTierBlocks        blocks of a second, CPU-memory prefix-cache tier; 0 = none
 * @param cpuReloadMsPerBlock  time to copy one block from the CPU tier back to the GPU
 */
public record KvCacheSpec(int blockSizeTokens, int capacityBlocks, boolean prefixCaching, double gpuMemoryUtilization,
                          NodeSpec eviction, int cpuTierBlocks, double cpuReloadMsPerBlock) {
    /** Without a CPU tier. */
    public KvCacheSpec(int blockSizeTokens, int capacityBlocks, boolean prefixCaching, double gpuMemoryUtilization,
                       NodeSpec eviction) {
        this(blockSizeTokens, capacityBlocks, prefixCaching, gpuMemoryUtilization, eviction, 0, 0);
    }
}
