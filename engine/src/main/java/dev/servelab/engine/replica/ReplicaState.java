package dev.servelab.engine.replica;

import dev.servelab.engine.event.EventLoop;
import dev.servelab.engine.model.Request;
import dev.servelab.engine.observe.RunObserver;
import dev.servelab.engine.spi.BatchScheduler;
import dev.servelab.engine.spi.EvictionPolicy;
import dev.servelab.engine.spi.Executor;
import dev.servelab.engine.spi.ExecutorContext;
import dev.servelab.engine.spi.IterationBatch;

import java.util.ArrayList;
import java.util.List;

/**
 * For testing policies only (the simulation never uses it): a replica's sequences placed by hand —
 * running ones with their token progress and their KV blocks allocated from a real {@link KvCache}
 * (without prefix keys),
 * waiting ones in queue order — then built into a real {@link Replica} whose {@link Replica#planOnce()}
 * asks a scheduler for one batch through the engine's own plan. Sequence state changes only here and
 * in the engine; no setter is exposed. Prefix caching is off (placed blocks carry no prefix keys).
 */
public final class ReplicaState {
    private final KvCache kv;
    private final List<Sequence> placed = new ArrayList<>();

    /** A KV cache of {@code capacityBlocks} blocks of {@code blockSizeTokens} tokens, all free. */
    public ReplicaState(int capacityBlocks, int blockSizeTokens) {
        this.kv = new KvCache(capacityBlocks, blockSizeTokens, new NoPrefixes());
    }

    /** The real cache the placed sequences hold their blocks in. */
    public KvCache kvCache() {
        return kv;
    }

    /**
     * A running sequence with {@code generated} output tokens and {@code computed} tokens in its KV
     * cache (generated 0: still prefilling its prompt), holding the blocks for those tokens.
     */
    public Sequence running(Request request, int generated, int computed) {
        if (generated < 0 || generated >= request.outputTokens()) {
            throw new IllegalArgumentException("a running sequence has generated 0 .. output-1 tokens, not " + generated);
        }
        if (computed < 0 || computed >= request.promptTokens() + generated) {
            throw new IllegalArgumentException("computed must be in [0, prompt + generated), not " + computed);
        }
        Sequence s = sequence(request);
        int blocks = (computed + kv.blockSizeTokens() - 1) / kv.blockSizeTokens();
        if (blocks > kv.availableBlocks()) {
            throw new IllegalArgumentException("sequence " + request.id() + " needs " + blocks + " KV blocks, "
                    + kv.availableBlocks() + " of " + kv.capacityBlocks() + " are free");
        }
        for (int i = 0; i < blocks; i++) s.addBlock(kv.allocate());
        s.generated = generated;
        s.computed = computed;
        s.state = Sequence.State.RUNNING;
        return s;
    }

    /** A waiting sequence, queued after those placed before. */
    public Sequence waiting(Request request) {
        return sequence(request);
    }

    /** Takes {@code blocks} KV blocks from the cache for good (held by sequences that are not placed). */
    public void holdBlocks(int blocks) {
        if (blocks > kv.availableBlocks()) {
            throw new IllegalArgumentException("cannot hold " + blocks + " KV blocks, " + kv.availableBlocks() + " are free");
        }
        for (int i = 0; i < blocks; i++) kv.allocate();
    }

    /**
     * Replica 0 over the cache with the placed sequences, scheduling with {@code scheduler} at
     * {@code loop}'s time; it has no executor, so only {@link Replica#planOnce()} may be called on it.
     */
    public Replica replica(BatchScheduler scheduler, int maxNumSeqs, int maxNumBatchedTokens, EventLoop loop) {
        Replica r = new Replica(0, "state", scheduler, new NoExecutor(), kv, false, maxNumSeqs, maxNumBatchedTokens, loop,
                new RunObserver[0], (s, now) -> { });
        for (Sequence s : placed) r.place(s);
        return r;
    }

    private Sequence sequence(Request request) {
        Sequence s = new Sequence(request, 0, false);
        s.reserveBlocks((int) (((long) request.promptTokens() + request.outputTokens() + kv.blockSizeTokens() - 1) / kv.blockSizeTokens()));
        placed.add(s);
        return s;
    }

    /** Eviction for a cache without prefix keys: a released block goes straight back to the free list, never here. */
    private static final class NoPrefixes implements EvictionPolicy {
        @Override
        public void init(int capacityBlocks) {
        }

        @Override
        public void onCandidate(int block, long nowNanos) {
            throw new IllegalStateException("a ReplicaState cache has no prefix keys");
        }

        @Override
        public void onReused(int block, long nowNanos) {
        }

        @Override
        public int evict() {
            return -1;
        }

        @Override
        public int size() {
            return 0;
        }
    }

    /** The executor of a replica that only plans. */
    private static final class NoExecutor implements Executor {
        @Override
        public void attach(ExecutorContext context) {
        }

        @Override
        public long iterationNanos(IterationBatch batch) {
            throw new IllegalStateException("a ReplicaState replica only plans (planOnce), it does not execute");
        }
    }
}
