package dev.servelab.hw.agent;

import dev.servelab.hw.jvm.kv.KvBlockAllocator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Automatic prefix caching over the agent's KV blocks, as vLLM does it: a full prompt block is
 * identified by a chained hash of its tokens and every token before it; after a prompt's prefill its
 * full blocks are published; a later prompt starting with the same blocks reuses them (reference
 * counted) and skips their prefill. Unreferenced published blocks stay cached and are evicted least
 * recently used only when the pool runs out of free blocks. At most {@code (prompt - 1) / blockSize}
 * blocks are reused, so at least one prompt token is computed and yields the first output token.
 * Owned by the scheduler thread.
 */
final class AgentPrefixCache {
    private final KvBlockAllocator allocator;
    private final int blockSize;
    private final boolean enabled;
    private final Map<Long, Integer> blockOfHash = new HashMap<>();
    private final Map<Integer, Long> hashOfBlock = new HashMap<>();
    private final int[] refs;
    private final LinkedHashSet<Integer> evictable = new LinkedHashSet<>();

    AgentPrefixCache(KvBlockAllocator allocator, int blockSize, boolean enabled) {
        this.allocator = allocator;
        this.blockSize = blockSize;
        this.enabled = enabled;
        this.refs = new int[allocator.blockCount()];
    }

    /** Blocks that can be handed out now: free plus cached but unreferenced. */
    int available() {
        return allocator.freeCount() + evictable.size();
    }

    /** Takes the leading cached blocks of {@code prompt} (referencing them); returns their ids in order. */
    List<Integer> match(int[] prompt) {
        List<Integer> out = new ArrayList<>();
        if (!enabled) return out;
        long hash = 0;
        int usable = (prompt.length - 1) / blockSize;
        for (int b = 0; b < usable; b++) {
            hash = chain(hash, prompt, b);
            Integer block = blockOfHash.get(hash);
            if (block == null) break;
            if (refs[block]++ == 0) evictable.remove(block);
            out.add(block);
        }
        return out;
    }

    /** A block for new K/V: a free one, else the least recently used cached one. */
    int allocate() {
        if (allocator.freeCount() == 0 && !evictable.isEmpty()) {
            Integer victim = evictable.iterator().next();
            evictable.remove(victim);
            blockOfHash.remove(hashOfBlock.remove(victim));
            refs[victim] = 1;
            return victim;
        }
        int block = allocator.allocate();
        refs[block] = 1;
        return block;
    }

    /** Publishes {@code blocks}' full prompt blocks once their K/V is computed. */
    void publish(int[] prompt, List<Integer> blocks) {
        if (!enabled) return;
        long hash = 0;
        for (int b = 0; b < prompt.length / blockSize && b < blocks.size(); b++) {
            hash = chain(hash, prompt, b);
            int block = blocks.get(b);
            if (hashOfBlock.containsKey(block) || blockOfHash.containsKey(hash)) continue;
            blockOfHash.put(hash, block);
            hashOfBlock.put(block, hash);
        }
    }

    /** Drops one reference to each block: published ones become evictable at zero, others are freed. */
    void release(List<Integer> blocks) {
        for (int i = blocks.size() - 1; i >= 0; i--) {
            int block = blocks.get(i);
            if (--refs[block] > 0) continue;
            if (hashOfBlock.containsKey(block)) evictable.add(block);
            else allocator.free(block);
        }
    }

    private long chain(long previous, int[] tokens, int block) {
        long h = previous * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
        for (int i = block * blockSize; i < (block + 1) * blockSize; i++) {
            h = (h ^ tokens[i]) * 0xff51afd7ed558ccdL;
            h ^= h >>> 29;
        }
        return h;
    }
}
