package dev.servelab.plugins.kv;

import dev.servelab.engine.spi.EvictionPolicy;
import dev.servelab.engine.spi.Plugin;


/**
 * Least frequently used: evicts the candidate with the fewest prefix-cache hits since its content
 * entered the cache, the least recently released first among equals. Counts start again when a
 * block is evicted and refilled (in-cache LFU).
 *
 * <p>Source: LFU replacement (e.g. Lee et al., LRFU, IEEE TC 2001, for the LRU/LFU spectrum).
 */
@Plugin(id = "kv.lfu", summary = "Evict the cached block with the fewest hits (ties: least recent)", source = "LFU page replacement")
public final class LfuEviction implements EvictionPolicy {
    private final OrderedCandidates candidates = new OrderedCandidates();
    private long[] hits = new long[0];
    private long seq;

    @Override
    public void init(int capacityBlocks) {
        candidates.init(capacityBlocks);
        hits = new long[capacityBlocks];
        seq = 0;
    }

    @Override
    public void onCandidate(int block, long nowNanos) {
        candidates.put(block, hits[block], seq++);
    }

    @Override
    public void onReused(int block, long nowNanos) {
        candidates.remove(block);
    }

    @Override
    public void onHit(int block, long nowNanos) {
        hits[block]++;
    }

    @Override
    public int evict() {
        int b = candidates.pollFirst();
        if (b >= 0) hits[b] = 0;
        return b;
    }

    @Override
    public int size() {
        return candidates.size();
    }
}
