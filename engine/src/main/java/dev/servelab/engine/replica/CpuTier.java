package dev.servelab.engine.replica;

import dev.servelab.engine.spi.CacheTier;
import dev.servelab.engine.spi.KvOffload;

/**
 * The simple CPU tier of {@code kv_cache.cpu_tier_blocks}: {@link OffloadTiers} with one CPU-memory tier of
 * {@code capacityBlocks}, copied to on GPU eviction, whose reloads take {@code reloadNanosPerBlock} each, added
 * to the iteration that admits the request (no latency, no overlap).
 */
public final class CpuTier extends OffloadTiers {
    public CpuTier(int capacityBlocks, long reloadNanosPerBlock) {
        super(new LowerTier(CacheTier.CPU, capacityBlocks, reloadNanosPerBlock, 0), null, KvOffload.Policy.ON_EVICT, false);
    }

    public long offloads() {
        return storesInto(CacheTier.CPU);
    }

    public long reloads() {
        return loadsFrom(CacheTier.CPU);
    }
}
