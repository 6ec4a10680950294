package dev.servelab.plugins.kv;

import dev.servelab.engine.spi.EvictionPolicy;
import dev.servelab.engine.spi.Plugin;

import java.util.Arrays;

/**
 * First in, first out: evicts the candidate whose content entered the cache earliest, however
 * often or recently it was reused. A block's entry time is the first time it became a candidate
 * after being (re)filled; reuse does not refresh it.
 *
 * <p>Source: the classic FIFO page replacement baseline (Belady, 1966).
 */
@Plugin(id = "kv.fifo", summary = "Evict the cached block that entered the cache first", source = "FIFO page replacement (Belady 1966)")
public final class FifoEviction implements EvictionPolicy {
    private final OrderedCandidates candidates = new OrderedCandidates();
    private long[] entered = new long[0];
    private long seq;

    @Override
    public void init(int capacityBlocks) {
        candidates.init(capacityBlocks);
        entered = new long[capacityBlocks];
        Arrays.fill(entered, -1);
        seq = 0;
    }

    @Override
    public void onCandidate(int block, long nowNanos) {
        if (entered[block] < 0) entered[block] = seq++;
        candidates.put(block, entered[block], 0);
    }

    @Override
    public void onReused(int block, long nowNanos) {
        candidates.remove(block);
    }

    @Override
    public int evict() {
        int b = candidates.pollFirst();
        if (b >= 0) entered[b] = -1;
        return b;
    }

    @Override
    public int size() {
        return candidates.size();
    }
}
