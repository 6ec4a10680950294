package dev.servelab.testkit;

import dev.servelab.engine.replica.KvCache;
import dev.servelab.engine.spi.EvictionPolicy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drives an {@link EvictionPolicy} inside the engine's real {@link KvCache}, by prefix key: cache a
 * key (a block is allocated, published under the key and released, so it becomes a candidate), hit
 * it (acquired and released again), hold it (acquired, not released), then allocate new blocks and
 * see which keys were evicted, in order.
 *
 * <pre>{@code
 * EvictionScript s = EvictionScript.of(new MyEviction(), 4).cache(101, 102, 103, 104).hit(102, 10);
 * assertEquals(List.of(101L, 103L), s.evictions(2));
 * }</pre>
 */
public final class EvictionScript {
    private final KvCache kv;
    private final Map<Long, Integer> blockOf = new LinkedHashMap<>();
    private final List<Long> evicted = new ArrayList<>();
    private long clock;

    private EvictionScript(EvictionPolicy policy, int capacityBlocks) {
        this.kv = new KvCache(capacityBlocks, 16, policy);
    }

    /** An empty cache of {@code capacityBlocks} blocks evicting through {@code policy}. */
    public static EvictionScript of(EvictionPolicy policy, int capacityBlocks) {
        return new EvictionScript(policy, capacityBlocks);
    }

    /** Caches each key in turn, at successive instants: allocated (evicting if needed), published, released. */
    public EvictionScript cache(long... keys) {
        for (long key : keys) cacheAt(key, ++clock);
        return this;
    }

    /** Caches {@code key} at {@code nowNanos}; returns the block it took. */
    public int cacheAt(long key, long nowNanos) {
        clock = Math.max(clock, nowNanos);
        int b = allocate();
        if (!kv.publish(b, key)) throw new AssertionError("key " + key + " is already cached");
        blockOf.put(key, b);
        kv.release(b, nowNanos);
        return b;
    }

    /** A prefix lookup hits {@code key} at {@code nowNanos}: the block is acquired and released again. */
    public EvictionScript hit(long key, long nowNanos) {
        clock = Math.max(clock, nowNanos);
        int b = block(key);
        kv.acquire(b, nowNanos);
        kv.release(b, nowNanos);
        return this;
    }

    /** A running sequence references {@code key}'s block: it is no eviction candidate until {@link #release}. */
    public EvictionScript hold(long key, long nowNanos) {
        kv.acquire(block(key), nowNanos);
        return this;
    }

    public EvictionScript release(long key, long nowNanos) {
        kv.release(block(key), nowNanos);
        return this;
    }

    /** Allocates {@code count} private blocks (never released) and returns the keys evicted for them, in order. */
    public List<Long> evictions(int count) {
        int before = evicted.size();
        for (int i = 0; i < count; i++) allocate();
        return List.copyOf(evicted.subList(before, evicted.size()));
    }

    /** Every key evicted so far, in order, whichever call's allocation evicted it. */
    public List<Long> evicted() {
        return List.copyOf(evicted);
    }

    /** Whether {@code key} is still cached. */
    public boolean contains(long key) {
        Integer b = blockOf.get(key);
        return b != null && kv.lookup(key) == b;
    }

    /** The cache itself, for assertions on its counters. */
    public KvCache kvCache() {
        return kv;
    }

    private int allocate() {
        int b = kv.allocate();
        if (b < 0) throw new AssertionError("no block left: every block is held and the policy offers no victim");
        for (long key : List.copyOf(blockOf.keySet())) {
            if (kv.lookup(key) != blockOf.get(key)) {
                evicted.add(key);
                blockOf.remove(key);
            }
        }
        return b;
    }

    private int block(long key) {
        int b = kv.lookup(key);
        if (b < 0) throw new AssertionError("key " + key + " is not cached");
        return b;
    }
}
