package dev.servelab.plugins.cachereplay;

import dev.servelab.engine.model.SplitMix64;
import dev.servelab.engine.replica.KvCache;
import dev.servelab.engine.spi.EvictionPolicy;

/**
 * One cache of a replay: the engine's own {@link KvCache} with a {@code kv.*} eviction plugin,
 * driven as a replica drives it for a request that runs alone. For each request, in file order: the
 * longest prefix of its chain whose blocks are cached is looked up and acquired (its hit blocks);
 * the rest of the chain gets newly allocated blocks (the cache evicts the policy's victims among
 * the unreferenced cached blocks when none is free), which are then published under their keys;
 * finally every block is released, tail first, and becomes an eviction candidate. When nothing is
 * left to allocate the rest of the chain is not cached. The request's arrival time is the clock
 * the policy is told.
 */
final class KvCacheReplay {
    private final KvCache kv;
    private int[] held = new int[64];

    KvCacheReplay(int capacityBlocks, EvictionPolicy policy) {
        this.kv = new KvCache(capacityBlocks, 1, policy);
    }

    /** Replays every request of {@code blocks}; returns the hit blocks. */
    long replay(BlockSequence blocks) {
        long hits = 0;
        for (int i = 0; i < blocks.size(); i++) hits += request(blocks.chain(i), blocks.arrivalNanos(i));
        return hits;
    }

    /** Replays one request's chain; returns its hit blocks. */
    int request(long[] chain, long nowNanos) {
        if (held.length < chain.length) held = new int[Math.max(chain.length, held.length * 2)];
        int hits = 0;
        while (hits < chain.length) {
            int b = kv.lookup(key(chain[hits]));
            if (b < 0) break;
            held[hits++] = b;
        }
        for (int i = 0; i < hits; i++) kv.acquire(held[i], nowNanos);
        int n = hits;
        while (n < chain.length) {
            int b = kv.allocate();
            if (b < 0) break;
            held[n++] = b;
        }
        for (int i = hits; i < n; i++) kv.publish(held[i], key(chain[i]));
        for (int i = n - 1; i >= 0; i--) kv.release(held[i], nowNanos);
        return hits;
    }

    /** The cache key of a block hash: mixed, as the replica mixes its prefix keys, so sequential ids spread. */
    private static long key(long hash) {
        return SplitMix64.mix(hash);
    }
}
