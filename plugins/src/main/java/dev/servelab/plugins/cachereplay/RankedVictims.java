package dev.servelab.plugins.cachereplay;

import java.util.Comparator;
import java.util.TreeSet;

/**
 * The candidate with the smallest rank is the victim: LRU ranks by last access, LFU by access
 * count then last access, FIFO by insertion order (node id breaks any remaining tie).
 */
final class RankedVictims implements VictimChoice {
    private final TreeSet<Integer> candidates;

    private RankedVictims(Comparator<Integer> rank) {
        this.candidates = new TreeSet<>(rank.thenComparing(Comparator.naturalOrder()));
    }

    static RankedVictims lru(BlockTree t) {
        return new RankedVictims(Comparator.comparingLong(n -> t.lastAccess[n]));
    }

    static RankedVictims lfu(BlockTree t) {
        return new RankedVictims(Comparator.<Integer>comparingLong(n -> t.accesses[n]).thenComparingLong(n -> t.lastAccess[n]));
    }

    static RankedVictims fifo(BlockTree t) {
        return new RankedVictims(Comparator.comparingLong(n -> t.inserted[n]));
    }

    @Override
    public void candidate(int node, boolean isCandidate) {
        if (isCandidate) candidates.add(node);
        else candidates.remove(node);
    }

    @Override
    public int evict() {
        Integer n = candidates.pollFirst();
        return n == null ? -1 : n;
    }
}
