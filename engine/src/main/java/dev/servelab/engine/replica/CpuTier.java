package dev.servelab.engine.replica;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A second KV tier in CPU memory for prefix caching: a cached prefix block evicted from the GPU is
 * offloaded here (least recently used out when full), and a prefix lookup that misses on the GPU but
 * finds the block here reloads it into a fresh GPU block, taking {@code reloadNanosPerBlock}
 * (block bytes over the PCIe bandwidth), added to the iteration that admits the request. Offloads
 * overlap computation (an asynchronous copy, as in vLLM's CPU offloading) and cost no time here.
 */
public final class CpuTier {
    private final long reloadNanosPerBlock;
    private final LinkedHashMap<Long, Boolean> keys;
    private long offloads;
    private long reloads;

    public CpuTier(int capacityBlocks, long reloadNanosPerBlock) {
        if (capacityBlocks < 1) throw new IllegalArgumentException("CPU tier capacity must be >= 1 block");
        this.reloadNanosPerBlock = reloadNanosPerBlock;
        this.keys = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
                return size() > capacityBlocks;
            }
        };
    }

    void offload(long key) {
        keys.put(key, Boolean.TRUE);
        offloads++;
    }

    boolean contains(long key) {
        return keys.containsKey(key);
    }

    /** The block was copied back to the GPU (the CPU copy stays and becomes most recent); returns the copy time. */
    long reload(long key) {
        keys.get(key);
        reloads++;
        return reloadNanosPerBlock;
    }

    public long offloads() {
        return offloads;
    }

    public long reloads() {
        return reloads;
    }
}
