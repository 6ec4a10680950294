package dev.servelab.plugins.kv;

import java.util.TreeSet;

/**
 * Eviction candidates ordered by a per-block priority (smallest first, then lowest block id), for
 * policies whose victim is "the candidate with the least X": LFU, FIFO. O(log n) per change.
 */
final class OrderedCandidates {
    private long[] primary = new long[0];
    private long[] secondary = new long[0];
    private final TreeSet<Integer> set = new TreeSet<>((a, b) -> {
        int c = Long.compare(primary[a], primary[b]);
        if (c == 0) c = Long.compare(secondary[a], secondary[b]);
        return c != 0 ? c : Integer.compare(a, b);
    });

    void init(int capacityBlocks) {
        primary = new long[capacityBlocks];
        secondary = new long[capacityBlocks];
        set.clear();
    }

    /** Adds (or re-ranks) a candidate under the given priority. */
    void put(int block, long first, long second) {
        set.remove(block);
        primary[block] = first;
        secondary[block] = second;
        set.add(block);
    }

    void remove(int block) {
        set.remove(block);
    }

    boolean contains(int block) {
        return set.contains(block);
    }

    int pollFirst() {
        Integer b = set.pollFirst();
        return b == null ? -1 : b;
    }

    int size() {
        return set.size();
    }
}
