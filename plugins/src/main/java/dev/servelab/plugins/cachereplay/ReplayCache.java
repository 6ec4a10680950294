package dev.servelab.plugins.cachereplay;

/**
 * One cache of the replay, with the rules of {@code servelab cache-replay}: for each request in
 * file order, its hit blocks are the longest prefix of its chain present in the cache; then every
 * block of the chain is touched (last access = the request's position) and missing blocks are
 * inserted, evicting — when {@code capacity} blocks are cached — the victim the policy picks among
 * the candidates (cached, no cached child, not on this request's chain); when there is no candidate
 * the rest of the chain is not inserted. Capacity 0 means unlimited.
 */
final class ReplayCache {
    private final BlockTree tree = new BlockTree();
    private final VictimChoice victims;
    private final long capacity;
    private long size;
    private long position;
    private int[] chain = new int[64];

    ReplayCache(ReplayPolicy policy, long capacityBlocks) {
        this.capacity = capacityBlocks;
        this.victims = policy.create(tree, capacityBlocks);
    }

    /** Replays one request's chain of prefix hashes; returns its hit blocks. */
    int access(long[] hashes) {
        position++;
        int hits = 0;
        while (hits < hashes.length && isCached(hashes[hits])) hits++;
        if (chain.length < hashes.length) chain = new int[Math.max(hashes.length, chain.length * 2)];
        int n = 0;
        for (long h : hashes) {
            int node = tree.node(h);
            chain[n++] = node;
            if (!tree.onChain[node]) setOnChain(node, true);
        }
        for (int i = 0; i < n; i++) {
            int node = chain[i];
            if (tree.cached[node]) touch(node);
            else if (!insert(node, i == 0 ? -1 : chain[i - 1])) break;
        }
        for (int i = 0; i < n; i++) if (tree.onChain[chain[i]]) setOnChain(chain[i], false);
        return hits;
    }

    long size() {
        return size;
    }

    private boolean isCached(long hash) {
        int n = tree.find(hash);
        return n >= 0 && tree.cached[n];
    }

    private void touch(int node) {
        tree.lastAccess[node] = position;
        tree.accesses[node]++;
        victims.touched(node);
    }

    private boolean insert(int node, int parent) {
        if (capacity > 0 && size >= capacity && !evictOne()) return false;
        tree.cached[node] = true;
        tree.parent[node] = parent;
        tree.lastAccess[node] = position;
        tree.inserted[node] = position;
        tree.accesses[node] = 1;
        size++;
        if (parent >= 0) tree.cachedChildren[parent]++;
        victims.inserted(node);
        return true;
    }

    private boolean evictOne() {
        int v = victims.evict();
        if (v < 0) return false;
        tree.cached[v] = false;
        size--;
        int p = tree.parent[v];
        if (p >= 0 && tree.cached[p]) {
            tree.cachedChildren[p]--;
            if (tree.isCandidate(p)) victims.candidate(p, true);
        }
        return true;
    }

    private void setOnChain(int node, boolean on) {
        boolean was = tree.isCandidate(node);
        tree.onChain[node] = on;
        boolean is = tree.isCandidate(node);
        if (was != is) victims.candidate(node, is);
    }
}
