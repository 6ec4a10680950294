package dev.servelab.engine.run;

import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.pipeline.PipelineSpec;
import dev.servelab.engine.pipeline.PoolSpec;

import java.util.Locale;

/**
 * Checks, before a cluster allocates anything, that its replicas and KV caches fit in the heap, and
 * refuses with the memory they would need instead of failing with {@code OutOfMemoryError} midway.
 * The figures are measured upper bounds: a replica with its scheduler, prefix index, iteration and
 * bucket buffers (the run store's included) takes under {@value #REPLICA_BYTES} bytes before its
 * KV cache, and each KV block (reference count, key, flags, free list and the eviction policy's own
 * per-block state) under {@value #BLOCK_BYTES} bytes.
 */
final class HeapBudget {
    static final long REPLICA_BYTES = 96 * 1024;
    static final long BLOCK_BYTES = 48;

    private HeapBudget() {
    }

    /** Refuses a pipeline whose replicas and explicitly sized KV caches need more than the free heap. */
    static void check(PipelineSpec spec) {
        double needed = 0;
        PoolSpec largest = null;
        double largestBytes = -1;
        boolean blocksDominate = false;
        for (PoolSpec pool : spec.pools()) {
            double blocks = pool.isRemote() ? 0 : (double) pool.kvCache().capacityBlocks() + pool.kvCache().cpuTierBlocks();
            double bytes = (double) pool.replicas() * (REPLICA_BYTES + blocks * BLOCK_BYTES);
            needed += bytes;
            if (bytes > largestBytes) {
                largestBytes = bytes;
                largest = pool;
                blocksDominate = blocks * BLOCK_BYTES > REPLICA_BYTES;
            }
        }
        long free = freeHeapBytes();
        if (largest != null && needed > free) {
            String field = blocksDominate ? ".kv_cache.capacity_blocks" : ".replicas";
            throw new ServeLabException(largest.path() + field + ": " + largest.replicas() + " replicas"
                    + (blocksDominate ? " of " + largest.kvCache().capacityBlocks() + " KV blocks" : "")
                    + " need about " + mib(needed) + " of heap, but " + mib(free) + " is free"
                    + " (give the JVM more, e.g. SERVELAB_JAVA_OPTS=-Xmx" + (long) Math.ceil(needed / (1L << 30) + 1) + "g, or lower it)");
        }
    }

    /** Refuses one replica's KV cache (sized by its executor) that would not fit. */
    static void checkBlocks(PoolSpec pool, long blocks) {
        double bytes = (double) blocks * BLOCK_BYTES;
        long free = freeHeapBytes();
        if (bytes > free) {
            throw new ServeLabException(pool.path() + ".kv_cache.capacity_blocks: the executor sizes the KV cache at " + blocks
                    + " blocks, which need about " + mib(bytes) + " of heap, but " + mib(free) + " is free; set capacity_blocks lower");
        }
    }

    private static long freeHeapBytes() {
        Runtime rt = Runtime.getRuntime();
        return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    }

    private static String mib(double bytes) {
        return bytes >= (1L << 30) ? String.format(Locale.ROOT, "%.1f GiB", bytes / (1L << 30))
                : String.format(Locale.ROOT, "%.0f MiB", bytes / (1L << 20));
    }
}
