package dev.servelab.engine.pipeline;

import dev.servelab.engine.spi.KvOffload;

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
 * @param watermarkFraction    fraction of the blocks kept free when admitting a new prompt (vLLM's and Vidur's
 *                             {@code watermark_blocks_fraction}, e.g. 0.01); 0 = none
 * @param memoryMarginFraction when above 0, the capacity is sized by Vidur's rule instead of vLLM's: memory
 *                             × (1 − margin) − weights, divided into whole {@code maxModelLen}-token requests
 * @param maxModelLen          tokens one request may hold, for Vidur's rule (Vidur's {@code max_tokens}); 0 = the
 *                             pool's {@code max_num_batched_tokens}
 * @param offload              tiered KV offload ({@code cpu_tier}, {@code disk_tier}, {@code offload}, {@code overlap});
 *                             null = none (the legacy {@code cpu_tier_blocks} tier may still be set)
 */
public record KvCacheSpec(int blockSizeTokens, int capacityBlocks, boolean prefixCaching, double gpuMemoryUtilization,
                          NodeSpec eviction, int cpuTierBlocks, double cpuReloadMsPerBlock, double watermarkFraction,
                          double memoryMarginFraction, int maxModelLen, KvOffload offload) {
    /** Without tiered offload. */
    public KvCacheSpec(int blockSizeTokens, int capacityBlocks, boolean prefixCaching, double gpuMemoryUtilization,
                       NodeSpec eviction, int cpuTierBlocks, double cpuReloadMsPerBlock, double watermarkFraction,
                       double memoryMarginFraction, int maxModelLen) {
        this(blockSizeTokens, capacityBlocks, prefixCaching, gpuMemoryUtilization, eviction, cpuTierBlocks, cpuReloadMsPerBlock,
                watermarkFraction, memoryMarginFraction, maxModelLen, null);
    }

    /** Without watermark and with vLLM's sizing. */
    public KvCacheSpec(int blockSizeTokens, int capacityBlocks, boolean prefixCaching, double gpuMemoryUtilization,
                       NodeSpec eviction, int cpuTierBlocks, double cpuReloadMsPerBlock) {
        this(blockSizeTokens, capacityBlocks, prefixCaching, gpuMemoryUtilization, eviction, cpuTierBlocks, cpuReloadMsPerBlock,
                0, 0, 0);
    }

    /** Without a CPU tier. */
    public KvCacheSpec(int blockSizeTokens, int capacityBlocks, boolean prefixCaching, double gpuMemoryUtilization,
                       NodeSpec eviction) {
        this(blockSizeTokens, capacityBlocks, prefixCaching, gpuMemoryUtilization, eviction, 0, 0);
    }
}
