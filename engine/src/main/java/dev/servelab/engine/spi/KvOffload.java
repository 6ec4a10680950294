package dev.servelab.engine.spi;

/**
 * A pool's tiered KV offload ({@code kv_cache.cpu_tier}, {@code disk_tier}, {@code offload}, {@code overlap}):
 * prefix blocks leave the GPU for a CPU-memory tier and below it a disk or remote store, and come back when a
 * later prompt shares the prefix, as in LMCache (CPU RAM, local disk, remote backends) and Mooncake's KV store.
 * Either tier may be absent (null), not both.
 *
 * @param cpu             the CPU-memory tier, or null
 * @param disk            the disk/remote tier below it, or null
 * @param policy          when a computed block is copied down ({@link Policy})
 * @param overlap         true: an iteration's loads from lower tiers overlap its forward pass, which then takes
 *                        {@code max(compute, load)}; false: the load time is added to the iteration
 * @param kvBytesPerToken KV bytes per token of the pool's model; 0 = ask the executor ({@link Executor#kvBytesPerToken()})
 */
public record KvOffload(Tier cpu, Tier disk, Policy policy, boolean overlap, double kvBytesPerToken) {
    public KvOffload {
        if (cpu == null && disk == null) throw new IllegalArgumentException("an offload needs a cpu_tier or a disk_tier");
        if (policy == null) throw new IllegalArgumentException("offload policy required");
    }

    /**
     * One tier below the GPU. A load of {@code n} blocks from it takes {@code latency + n · block bytes / bandwidth}.
     *
     * @param capacityBlocks  blocks it holds; 0 = from {@code capacityGib}
     * @param capacityGib     GiB it holds (used when {@code capacityBlocks} is 0)
     * @param bandwidthGbPerS GB/s (10^9 bytes) of its link to the GPU
     * @param latencyMs       fixed time per load (a request's blocks from this tier are one load)
     */
    public record Tier(int capacityBlocks, double capacityGib, double bandwidthGbPerS, double latencyMs) {
        public Tier {
            if (capacityBlocks < 0 || capacityGib < 0 || !(bandwidthGbPerS > 0) || latencyMs < 0) {
                throw new IllegalArgumentException("tier needs capacity >= 0, bandwidth > 0, latency >= 0");
            }
        }

        /** Blocks it holds for blocks of {@code blockBytes} (at least 1). */
        public int blocks(double blockBytes) {
            if (capacityBlocks > 0) return capacityBlocks;
            return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.floor(capacityGib * (1L << 30) / blockBytes)));
        }

        /** Nanoseconds to move one block of {@code blockBytes} over the link. */
        public long nanosPerBlock(double blockBytes) {
            return Math.round(blockBytes / bandwidthGbPerS);
        }

        public long latencyNanos() {
            return Math.round(latencyMs * 1e6);
        }
    }

    /**
     * When a block goes down. {@code WRITE_THROUGH}: every computed block is copied to every lower tier as it is
     * produced (LMCache's store path: the lower tiers are inclusive, a block evicted from one is simply dropped);
     * {@code ON_EVICT}: a block is copied down only when it is evicted from the tier above (a victim cache, as
     * vLLM's CPU offloading does), so each tier holds what the one above it lost.
     */
    public enum Policy {
        WRITE_THROUGH, ON_EVICT;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** The policy named {@code id} ({@code write_through}, {@code on_evict}), or null. */
        public static Policy of(String id) {
            for (Policy p : values()) if (p.id().equals(id)) return p;
            return null;
        }
    }
}
