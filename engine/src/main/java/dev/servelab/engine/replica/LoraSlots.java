package dev.servelab.engine.replica;

import dev.servelab.engine.model.AdapterId;
import dev.servelab.engine.spi.MultiLora;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A replica's LoRA adapter slots, the one place the multi-LoRA batch rule lives (every batch scheduler
 * admits through {@link IterationPlan#prefill}, which asks {@link #admits}): at most {@code max_loras}
 * distinct adapters among the running sequences, so no batch ever holds more — vLLM's rule, where a
 * waiting request whose adapter cannot get a slot stays waiting. The GPU keeps {@code max_loras}
 * adapters resident in LRU order; admitting a sequence whose adapter is not resident loads it
 * ({@link #acquire} returns the load time, charged to that iteration) into a free slot or in place of the
 * least recently used adapter that no running sequence uses (S-LoRA's adapter paging, simplified to whole
 * adapters). Requests without an adapter (the base model) need no slot.
 */
final class LoraSlots {
    private final int maxLoras;
    private final long loadNanos;
    /** Running sequences per adapter (only adapters with at least one). */
    private final Map<AdapterId, int[]> running = new HashMap<>();
    /** Sequences routed here and not gone (waiting or running) per adapter. */
    private final Map<AdapterId, int[]> routed = new HashMap<>();
    /** Resident adapters, least recently used first. */
    private final LinkedHashMap<AdapterId, Boolean> resident = new LinkedHashMap<>(16, 0.75f, true);
    private int iterationLoads;
    private long loads;

    /** Slots for {@code setting.maxLoras()} adapters of {@code adapterBytes} each (the load time follows the setting). */
    LoraSlots(MultiLora setting, long adapterBytes) {
        this.maxLoras = setting.maxLoras();
        this.loadNanos = setting.loadNanos(adapterBytes);
    }

    /** Whether a waiting sequence with adapter {@code a} may be admitted now. */
    boolean admits(AdapterId a) {
        return a == null || running.containsKey(a) || running.size() < maxLoras;
    }

    /** A sequence with adapter {@code a} is admitted: returns the time to load the adapter (0 when resident). */
    long acquire(AdapterId a) {
        if (a == null) return 0;
        running.computeIfAbsent(a, k -> new int[1])[0]++;
        if (resident.get(a) != null) return 0;
        if (resident.size() >= maxLoras) evictOne();
        resident.put(a, Boolean.TRUE);
        iterationLoads++;
        loads++;
        return loadNanos;
    }

    private void evictOne() {
        for (Iterator<AdapterId> it = resident.keySet().iterator(); it.hasNext(); ) {
            if (!running.containsKey(it.next())) {
                it.remove();
                return;
            }
        }
        throw new IllegalStateException("every resident adapter is in use; admits() should have refused");
    }

    /** A running sequence with adapter {@code a} stopped running here (finished, preempted, handed off). */
    void release(AdapterId a) {
        decrement(running, a);
    }

    void routed(AdapterId a) {
        if (a != null) routed.computeIfAbsent(a, k -> new int[1])[0]++;
    }

    void left(AdapterId a) {
        decrement(routed, a);
    }

    private static void decrement(Map<AdapterId, int[]> counts, AdapterId a) {
        if (a == null) return;
        int[] c = counts.get(a);
        if (c != null && --c[0] <= 0) counts.remove(a);
    }

    /** Whether adapter {@code a} is resident here or a request routed here will use it. */
    boolean holds(AdapterId a) {
        return resident.containsKey(a) || routed.containsKey(a);
    }

    /** Resident adapters now. */
    int residentCount() {
        return resident.size();
    }

    /** A crash: nothing runs or waits, and the GPU's adapters are gone. */
    void clear() {
        running.clear();
        routed.clear();
        resident.clear();
    }

    /** Adapter loads since the last call (per iteration). */
    int takeIterationLoads() {
        int n = iterationLoads;
        iterationLoads = 0;
        return n;
    }

    /** Adapter loads since the start. */
    long loads() {
        return loads;
    }

    long loadNanos() {
        return loadNanos;
    }
}
