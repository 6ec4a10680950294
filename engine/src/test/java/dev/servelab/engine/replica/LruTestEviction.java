package dev.servelab.engine.replica;

import dev.servelab.engine.spi.EvictionPolicy;

import java.util.LinkedHashSet;

/** Least recently released first, on a {@link LinkedHashSet}: the engine tests' own eviction policy. */
final class LruTestEviction implements EvictionPolicy {
    private final LinkedHashSet<Integer> candidates = new LinkedHashSet<>();

    @Override
    public void init(int capacityBlocks) {
        candidates.clear();
    }

    @Override
    public void onCandidate(int block, long nowNanos) {
        candidates.remove(block);
        candidates.add(block);
    }

    @Override
    public void onReused(int block, long nowNanos) {
        candidates.remove(block);
    }

    @Override
    public int evict() {
        if (candidates.isEmpty()) return -1;
        int victim = candidates.getFirst();
        candidates.remove(victim);
        return victim;
    }

    @Override
    public int size() {
        return candidates.size();
    }
}
