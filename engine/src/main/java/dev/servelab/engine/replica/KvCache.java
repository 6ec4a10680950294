package dev.servelab.engine.replica;

import dev.servelab.engine.spi.CacheTier;
import dev.servelab.engine.spi.EvictionPolicy;

/**
 * A replica's paged KV cache: a fixed pool of blocks of {@code blockSizeTokens} tokens, reference
 * counted, with prefix caching on chained block hashes (as in vLLM's automatic prefix caching). A
 * block whose last reference is released keeps its cached prefix and becomes an eviction candidate
 * if it has a key, or goes back to the free list if not. Allocation takes a free block first, then
 * asks the {@link EvictionPolicy} for a victim.
 */
public final class KvCache {
    private final int capacityBlocks;
    private final int blockSizeTokens;
    private final EvictionPolicy eviction;
    private final int[] refCount;
    private final long[] keyOf;
    private final boolean[] keyed;
    private final int[] freeStack;
    private int freeTop;
    private LongIntMap cached;
    private final OffloadTiers tiers;
    private final int watermarkBlocks;

    public KvCache(int capacityBlocks, int blockSizeTokens, EvictionPolicy eviction) {
        this(capacityBlocks, blockSizeTokens, eviction, null);
    }

    /** A KV cache whose prefix blocks go down to {@code tiers} (null = no lower tier; a {@link CpuTier} for the simple one). */
    public KvCache(int capacityBlocks, int blockSizeTokens, EvictionPolicy eviction, OffloadTiers tiers) {
        this(capacityBlocks, blockSizeTokens, eviction, tiers, 0);
    }

    /**
     * As above, keeping {@code watermarkBlocks} free when a new prompt is admitted: admission needs its whole
     * prompt's blocks plus the watermark available (vLLM's and Vidur's {@code watermark_blocks}).
     */
    public KvCache(int capacityBlocks, int blockSizeTokens, EvictionPolicy eviction, OffloadTiers tiers, int watermarkBlocks) {
        if (capacityBlocks < 1) throw new IllegalArgumentException("capacity_blocks must be >= 1");
        this.watermarkBlocks = watermarkBlocks;
        this.capacityBlocks = capacityBlocks;
        this.blockSizeTokens = blockSizeTokens;
        this.eviction = eviction;
        this.refCount = new int[capacityBlocks];
        this.keyOf = new long[capacityBlocks];
        this.keyed = new boolean[capacityBlocks];
        this.freeStack = new int[capacityBlocks];
        for (int i = 0; i < capacityBlocks; i++) freeStack[i] = capacityBlocks - 1 - i;
        this.freeTop = capacityBlocks;
        this.cached = new LongIntMap(1024);
        this.tiers = tiers;
        eviction.init(capacityBlocks);
    }

    public int capacityBlocks() {
        return capacityBlocks;
    }

    public int blockSizeTokens() {
        return blockSizeTokens;
    }

    /** Blocks kept free when admitting a new prompt (0 = none). */
    public int watermarkBlocks() {
        return watermarkBlocks;
    }

    /** Blocks that can be allocated now: free plus evictable. */
    public int availableBlocks() {
        return freeTop + eviction.size();
    }

    /** Blocks referenced by at least one sequence. */
    public int usedBlocks() {
        return capacityBlocks - availableBlocks();
    }

    /** Blocks holding a cached prefix (referenced or not). */
    public int cachedBlocks() {
        return cached.size();
    }

    /**
     * Empties the cache as a crashed replica finds it on restart: no block referenced, no prefix
     * cached, every block free (the CPU tier, if any, is kept). Returns the blocks that held data
     * (referenced or cached) before.
     */
    public int reset() {
        int held = capacityBlocks - freeTop;
        java.util.Arrays.fill(refCount, 0);
        java.util.Arrays.fill(keyed, false);
        for (int i = 0; i < capacityBlocks; i++) freeStack[i] = capacityBlocks - 1 - i;
        freeTop = capacityBlocks;
        cached = new LongIntMap(1024);
        eviction.init(capacityBlocks);
        return held;
    }

    /** Allocates an unkeyed block with one reference, or returns -1 when none is left. */
    public int allocate() {
        int b;
        if (freeTop > 0) {
            b = freeStack[--freeTop];
        } else {
            b = eviction.evict();
            if (b < 0) return -1;
            cached.remove(keyOf[b]);
            if (tiers != null) tiers.onEvicted(keyOf[b]);
            keyed[b] = false;
        }
        refCount[b] = 1;
        return b;
    }

    /** The block caching {@code key}, or -1. */
    public int lookup(long key) {
        return cached.get(key);
    }

    /** Whether the CPU tier holds the block of {@code key} (false without a tier). */
    public boolean inCpuTier(long key) {
        return lowerTierOf(key) == CacheTier.CPU;
    }

    /** The highest tier below the GPU holding the block of {@code key}, or null (also without tiers). */
    public CacheTier lowerTierOf(long key) {
        return tiers == null ? null : tiers.find(key);
    }

    /**
     * Copies {@code tier}'s block of {@code key} into a newly allocated GPU block and publishes it (not copied
     * down again); returns the copy time of the block (the tier's latency is charged once per load, apart).
     */
    long reload(int block, long key, CacheTier tier) {
        publishHere(block, key);
        return tiers.load(key, tier);
    }

    /** The tiers below the GPU, or null. */
    public OffloadTiers tiers() {
        return tiers;
    }

    /** The simple CPU tier, or null when there is none or the tiers are not the simple one. */
    public CpuTier cpuTier() {
        return tiers instanceof CpuTier c ? c : null;
    }

    public boolean isReferenced(int block) {
        return refCount[block] > 0;
    }

    /** Adds a reference to a cached block found by {@link #lookup}. */
    public void acquire(int block, long nowNanos) {
        if (refCount[block]++ == 0) eviction.onReused(block, nowNanos);
        eviction.onHit(block, nowNanos);
    }

    /** Drops one reference; an unreferenced block becomes an eviction candidate (keyed) or free. */
    public void release(int block, long nowNanos) {
        int r = --refCount[block];
        if (r > 0) return;
        if (r < 0) throw new IllegalStateException("block " + block + " released more often than acquired");
        if (keyed[block]) eviction.onCandidate(block, nowNanos);
        else freeStack[freeTop++] = block;
    }

    /**
     * Publishes a full, computed block under its prefix key so later requests can hit it. Returns
     * false when another block already caches that key (the block then stays private).
     */
    public boolean publish(int block, long key) {
        if (!publishHere(block, key)) return false;
        if (tiers != null) tiers.onComputed(key);
        return true;
    }

    private boolean publishHere(int block, long key) {
        if (keyed[block] || !cached.putIfAbsent(key, block)) return false;
        keyOf[block] = key;
        keyed[block] = true;
        eviction.onPublished(block, key);
        return true;
    }
}
