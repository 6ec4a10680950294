package dev.servelab.plugins.cachereplay;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * S3-FIFO over the replay's blocks (Yang et al., SOSP 2023): new blocks enter a small FIFO queue
 * (10 % of capacity) unless the ghost queue remembers them, in which case they go to the main
 * queue; each touch raises a 2-bit counter. At the small queue's head a touched block (or one that
 * is not a candidate) moves to main and an untouched candidate is evicted into the ghost queue; at
 * main's head a touched candidate loses one count and goes round, an untouched one is evicted, a
 * non-candidate goes round. The ghost queue holds as many ids as the main queue's share.
 */
final class S3FifoVictims implements VictimChoice {
    private static final int MAX_FREQ = 3;
    private final BlockTree tree;
    private final int smallTarget;
    private final int ghostLimit;
    private final ArrayDeque<Integer> small = new ArrayDeque<>();
    private final ArrayDeque<Integer> main = new ArrayDeque<>();
    private final LinkedHashSet<Integer> ghost = new LinkedHashSet<>();
    private final Set<Integer> inSmall = new HashSet<>();
    private int[] freq = new int[1024];
    private int candidatesInSmall;
    private int candidates;

    S3FifoVictims(BlockTree tree, int capacityBlocks) {
        this.tree = tree;
        this.smallTarget = Math.max(1, capacityBlocks / 10);
        this.ghostLimit = Math.max(1, capacityBlocks - smallTarget);
    }

    @Override
    public void inserted(int node) {
        if (node >= freq.length) freq = java.util.Arrays.copyOf(freq, Math.max(node + 1, freq.length * 2));
        freq[node] = 0;
        if (ghost.remove(node)) {
            main.addLast(node);
        } else {
            small.addLast(node);
            inSmall.add(node);
        }
    }

    @Override
    public void touched(int node) {
        if (freq[node] < MAX_FREQ) freq[node]++;
    }

    @Override
    public void candidate(int node, boolean isCandidate) {
        int d = isCandidate ? 1 : -1;
        candidates += d;
        if (inSmall.contains(node)) candidatesInSmall += d;
    }

    @Override
    public int evict() {
        while (candidates > 0) {
            boolean fromSmall = candidatesInSmall > 0 && (small.size() >= smallTarget || candidates == candidatesInSmall);
            int n = fromSmall ? fromSmall() : fromMain();
            if (n >= 0) return n;
        }
        return -1;
    }

    private int fromSmall() {
        int n = small.pollFirst();
        boolean cand = tree.isCandidate(n);
        if (cand && freq[n] == 0) {
            inSmall.remove(n);
            candidatesInSmall--;
            candidates--;
            remember(n);
            return n;
        }
        inSmall.remove(n);
        if (cand) candidatesInSmall--;
        main.addLast(n);
        return -1;
    }

    private int fromMain() {
        int n = main.pollFirst();
        if (tree.isCandidate(n) && freq[n] == 0) {
            candidates--;
            return n;
        }
        if (tree.isCandidate(n)) freq[n]--;
        main.addLast(n);
        return -1;
    }

    private void remember(int n) {
        ghost.remove(n);
        ghost.add(n);
        while (ghost.size() > ghostLimit) ghost.removeFirst();
    }
}
