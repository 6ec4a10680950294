package dev.servelab.engine.replica;

import dev.servelab.engine.spi.CacheTier;
import dev.servelab.engine.spi.KvOffload;

/**
 * The KV tiers below one replica's GPU cache — CPU memory, then disk or a remote store — and the rules that move
 * prefix blocks between them, after LMCache (Liu et al., "LMCache", 2025: GPU → CPU RAM → local disk/remote
 * backends, asynchronous stores, layer-wise loads that overlap compute), Mooncake's KV store (Qin et al., FAST
 * 2025: a disaggregated DRAM/SSD pool of prefix blocks) and vLLM's KV offloading connector (CPU offload of
 * evicted blocks, loads started before the forward pass).
 *
 * <p>Copy down: with {@link KvOffload.Policy#WRITE_THROUGH} each block is stored into every tier as soon as it is
 * computed (published), and a block a tier drops is gone; with {@link KvOffload.Policy#ON_EVICT} a block goes to
 * the first tier when the GPU evicts it, and from each tier to the next when that tier drops it (least recently
 * used first). Stores cost no iteration time (engines copy down asynchronously). Copy up: a prompt's prefix is
 * matched block by block, GPU first, then each lower tier; the blocks found below are loaded into fresh GPU
 * blocks, taking per tier touched {@code latency + blocks · block bytes / bandwidth}, summed over the iteration's
 * loads. With {@code overlap} that sum overlaps the forward pass (the iteration takes {@code max(compute, load)}),
 * without it it is added.
 */
public class OffloadTiers {
    private final LowerTier cpu;
    private final LowerTier disk;
    private final KvOffload.Policy policy;
    private final boolean overlap;

    OffloadTiers(LowerTier cpu, LowerTier disk, KvOffload.Policy policy, boolean overlap) {
        if (cpu == null && disk == null) throw new IllegalArgumentException("no tier to offload to");
        this.cpu = cpu;
        this.disk = disk;
        this.policy = policy;
        this.overlap = overlap;
        if (cpu != null && disk != null && policy == KvOffload.Policy.ON_EVICT) cpu.demoteTo(disk);
    }

    /** Tiers from settings, for blocks of {@code blockBytes}. */
    public static OffloadTiers of(KvOffload o, double blockBytes) {
        LowerTier cpu = o.cpu() == null ? null : tier(CacheTier.CPU, o.cpu(), blockBytes);
        LowerTier disk = o.disk() == null ? null : tier(CacheTier.DISK, o.disk(), blockBytes);
        return new OffloadTiers(cpu, disk, o.policy(), o.overlap());
    }

    private static LowerTier tier(CacheTier level, KvOffload.Tier t, double blockBytes) {
        return new LowerTier(level, t.blocks(blockBytes), t.nanosPerBlock(blockBytes), t.latencyNanos());
    }

    /** A computed block was published on the GPU under {@code key}: write-through copies it down now. */
    void onComputed(long key) {
        if (policy != KvOffload.Policy.WRITE_THROUGH) return;
        if (cpu != null) cpu.store(key);
        if (disk != null) disk.store(key);
    }

    /** The GPU evicted the cached block of {@code key}: on-evict copies it to the first tier. */
    void onEvicted(long key) {
        if (policy != KvOffload.Policy.ON_EVICT) return;
        (cpu != null ? cpu : disk).store(key);
    }

    /** The highest lower tier holding {@code key}, or null. */
    CacheTier find(long key) {
        if (cpu != null && cpu.contains(key)) return CacheTier.CPU;
        if (disk != null && disk.contains(key)) return CacheTier.DISK;
        return null;
    }

    /** Loads {@code key}'s block from {@code tier}; returns its copy time (the tier's latency is charged apart). */
    long load(long key, CacheTier tier) {
        return of(tier).load(key);
    }

    /** The fixed time of one load from {@code tier}. */
    long latencyNanos(CacheTier tier) {
        return of(tier).latencyNanos();
    }

    /** Whether loads overlap the forward pass. */
    public boolean overlap() {
        return overlap;
    }

    public KvOffload.Policy policy() {
        return policy;
    }

    /** Whether the tier exists. */
    public boolean has(CacheTier tier) {
        return tier == CacheTier.CPU ? cpu != null : tier == CacheTier.DISK && disk != null;
    }

    /** Blocks {@code tier} holds now. */
    public int blocksIn(CacheTier tier) {
        return of(tier).size();
    }

    /** The keys {@code tier} holds, least recently used first. */
    public long[] keysIn(CacheTier tier) {
        return of(tier).keysLruFirst();
    }

    /** Blocks {@code tier} can hold. */
    public int capacityBlocks(CacheTier tier) {
        return of(tier).capacityBlocks();
    }

    /** Time to move one block from {@code tier} to the GPU. */
    public long nanosPerBlock(CacheTier tier) {
        return of(tier).nanosPerBlock();
    }

    /** Blocks stored into {@code tier} (copies down, repeated ones included). */
    public long storesInto(CacheTier tier) {
        return of(tier).stores();
    }

    /** Blocks loaded from {@code tier} to the GPU. */
    public long loadsFrom(CacheTier tier) {
        return of(tier).loads();
    }

    private LowerTier of(CacheTier tier) {
        LowerTier t = tier == CacheTier.CPU ? cpu : tier == CacheTier.DISK ? disk : null;
        if (t == null) throw new IllegalArgumentException("no " + tier.key() + " tier");
        return t;
    }
}
