package dev.servelab.plugins.cachereplay;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The blocks a replay has seen, as a tree of chained prefix hashes: each distinct hash gets a
 * stable node id; per node the replay keeps whether it is cached, its parent (the hash before it in
 * the chain that inserted it), its cached children, last access, insertion order and access count.
 * A node is an eviction <em>candidate</em> when it is cached, has no cached child and is not on the
 * chain of the request being replayed.
 */
final class BlockTree {
    private final Map<Long, Integer> ids = new HashMap<>();
    boolean[] cached = new boolean[1024];
    boolean[] onChain = new boolean[1024];
    int[] parent = new int[1024];
    int[] cachedChildren = new int[1024];
    long[] lastAccess = new long[1024];
    long[] inserted = new long[1024];
    long[] accesses = new long[1024];

    /** The node id of {@code hash}, created (uncached) on first sight. */
    int node(long hash) {
        Integer id = ids.get(hash);
        if (id != null) return id;
        int n = ids.size();
        if (n == cached.length) grow();
        ids.put(hash, n);
        parent[n] = -1;
        return n;
    }

    /** Node of {@code hash} if it was ever seen, else -1. */
    int find(long hash) {
        Integer id = ids.get(hash);
        return id == null ? -1 : id;
    }

    boolean isCandidate(int n) {
        return cached[n] && cachedChildren[n] == 0 && !onChain[n];
    }

    private void grow() {
        int c = cached.length * 2;
        cached = Arrays.copyOf(cached, c);
        onChain = Arrays.copyOf(onChain, c);
        parent = Arrays.copyOf(parent, c);
        cachedChildren = Arrays.copyOf(cachedChildren, c);
        lastAccess = Arrays.copyOf(lastAccess, c);
        inserted = Arrays.copyOf(inserted, c);
        accesses = Arrays.copyOf(accesses, c);
    }
}
