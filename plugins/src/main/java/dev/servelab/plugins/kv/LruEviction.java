package dev.servelab.plugins.kv;

import dev.servelab.engine.spi.EvictionPolicy;
import dev.servelab.engine.spi.Plugin;

import java.util.Arrays;

/**
 * Least recently used: evicts the cached block released longest ago. Blocks become candidates when
 * their last reference is released; a finished sequence releases its blocks tail first, so the tail
 * of a prefix goes before its head, as in vLLM's free-block queue.
 *
 * <p>Source: vLLM automatic prefix caching (Kwon et al., SOSP 2023, and vLLM's docs).
 */
@Plugin(id = "kv.lru", summary = "Evict the least recently released cached block", source = "vLLM automatic prefix caching")
public final class LruEviction implements EvictionPolicy {
    private static final int NONE = -1;
    private int[] prev = new int[0];
    private int[] next = new int[0];
    private boolean[] linked = new boolean[0];
    private int head = NONE;
    private int tail = NONE;
    private int size;

    @Override
    public void init(int capacityBlocks) {
        prev = new int[capacityBlocks];
        next = new int[capacityBlocks];
        linked = new boolean[capacityBlocks];
        Arrays.fill(prev, NONE);
        Arrays.fill(next, NONE);
        head = tail = NONE;
        size = 0;
    }

    @Override
    public void onCandidate(int block, long nowNanos) {
        if (linked[block]) unlink(block);
        prev[block] = tail;
        next[block] = NONE;
        if (tail != NONE) next[tail] = block;
        else head = block;
        tail = block;
        linked[block] = true;
        size++;
    }

    @Override
    public void onReused(int block, long nowNanos) {
        if (linked[block]) unlink(block);
    }

    @Override
    public int evict() {
        if (head == NONE) return -1;
        int victim = head;
        unlink(victim);
        return victim;
    }

    @Override
    public int size() {
        return size;
    }

    private void unlink(int b) {
        if (prev[b] != NONE) next[prev[b]] = next[b];
        else head = next[b];
        if (next[b] != NONE) prev[next[b]] = prev[b];
        else tail = prev[b];
        prev[b] = next[b] = NONE;
        linked[b] = false;
        size--;
    }
}
