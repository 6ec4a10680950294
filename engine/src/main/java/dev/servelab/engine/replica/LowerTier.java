package dev.servelab.engine.replica;

import dev.servelab.engine.spi.CacheTier;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One KV tier below the GPU (CPU memory or disk/remote): the prefix keys of the blocks it holds, least recently
 * used out when full. A block it drops goes to {@code below} when the tiers copy down on eviction; a load of
 * {@code n} of its blocks takes {@code latencyNanos + n · nanosPerBlock} (bytes over the link's bandwidth).
 */
final class LowerTier {
    private final CacheTier level;
    private final int capacityBlocks;
    private final long nanosPerBlock;
    private final long latencyNanos;
    private final LinkedHashMap<Long, Boolean> keys;
    private LowerTier below;
    private long stores;
    private long loads;
    private long drops;

    LowerTier(CacheTier level, int capacityBlocks, long nanosPerBlock, long latencyNanos) {
        if (capacityBlocks < 1) throw new IllegalArgumentException(level.key() + " tier capacity must be >= 1 block");
        this.level = level;
        this.capacityBlocks = capacityBlocks;
        this.nanosPerBlock = nanosPerBlock;
        this.latencyNanos = latencyNanos;
        this.keys = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
                if (size() <= LowerTier.this.capacityBlocks) return false;
                drops++;
                if (below != null) below.store(eldest.getKey());
                return true;
            }
        };
    }

    /** Where the blocks this tier drops go (null: lost). */
    void demoteTo(LowerTier tier) {
        this.below = tier;
    }

    /** Holds {@code key} (most recent; already held: just made most recent). */
    void store(long key) {
        keys.put(key, Boolean.TRUE);
        stores++;
    }

    boolean contains(long key) {
        return keys.containsKey(key);
    }

    /** A block was copied up to the GPU: it stays here and becomes most recent; returns its copy time. */
    long load(long key) {
        keys.get(key);
        loads++;
        return nanosPerBlock;
    }

    CacheTier level() {
        return level;
    }

    long latencyNanos() {
        return latencyNanos;
    }

    long nanosPerBlock() {
        return nanosPerBlock;
    }

    int capacityBlocks() {
        return capacityBlocks;
    }

    /** Blocks held now. */
    int size() {
        return keys.size();
    }

    /** The keys held, least recently used first. */
    long[] keysLruFirst() {
        return keys.keySet().stream().mapToLong(Long::longValue).toArray();
    }

    long stores() {
        return stores;
    }

    long loads() {
        return loads;
    }

    /** Blocks pushed out by capacity. */
    long drops() {
        return drops;
    }
}
