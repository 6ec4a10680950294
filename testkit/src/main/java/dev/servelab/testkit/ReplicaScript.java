package dev.servelab.testkit;

import dev.servelab.engine.model.Request;
import dev.servelab.engine.spi.BatchScheduler;
import dev.servelab.engine.spi.ReplicaView;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A replica state written by hand, for asking a {@link BatchScheduler} what it puts in one
 * iteration's batch: running sequences (decoding, or still prefilling a long prompt), waiting ones in
 * queue order, and a KV cache of so many blocks, some of them held by others. {@link #schedule}
 * hands the scheduler a {@link ScriptedPlan} that keeps the engine's budgets and block accounting
 * and records each decision.
 *
 * <pre>{@code
 * ReplicaScript r = ReplicaScript.of(10, 16).limits(8, 512)
 *         .running(Request.of(1, 0, 40, 20), 5)      // decoding, 5 tokens generated
 *         .waiting(Request.of(2, 0, 300, 10));
 * ScriptedPlan plan = r.schedule(new MyScheduler());
 * assertEquals(List.of(Decision.decode(1), Decision.prefill(2, 300)), plan.decisions());
 * }</pre>
 */
public final class ReplicaScript implements ReplicaView {
    private final int capacityBlocks;
    private final int blockSizeTokens;
    private int maxNumSeqs = 256;
    private int maxNumBatchedTokens = 8192;
    private int freeBlocks;
    private long nowNanos;
    private final List<ScriptedSequence> waiting = new ArrayList<>();
    private final List<ScriptedSequence> running = new ArrayList<>();

    private ReplicaScript(int capacityBlocks, int blockSizeTokens) {
        if (capacityBlocks < 1 || blockSizeTokens < 1) throw new IllegalArgumentException("capacity and block size must be >= 1");
        this.capacityBlocks = capacityBlocks;
        this.blockSizeTokens = blockSizeTokens;
        this.freeBlocks = capacityBlocks;
    }

    /** An idle replica with a KV cache of {@code capacityBlocks} blocks of {@code blockSizeTokens} tokens. */
    public static ReplicaScript of(int capacityBlocks, int blockSizeTokens) {
        return new ReplicaScript(capacityBlocks, blockSizeTokens);
    }

    /** {@code max_num_seqs} and {@code max_num_batched_tokens} (256 and 8,192 unless set). */
    public ReplicaScript limits(int maxSeqs, int maxBatchedTokens) {
        this.maxNumSeqs = maxSeqs;
        this.maxNumBatchedTokens = maxBatchedTokens;
        return this;
    }

    public ReplicaScript now(long nanos) {
        this.nowNanos = nanos;
        return this;
    }

    /** A running sequence decoding its next token: prompt and {@code generated - 1} outputs computed. */
    public ReplicaScript running(Request request, int generated) {
        if (generated < 1 || generated >= request.outputTokens()) {
            throw new IllegalArgumentException("a decoding sequence has generated 1 .. output-1 tokens, not " + generated);
        }
        int computed = request.promptTokens() + generated - 1;
        return add(running, new ScriptedSequence(request, generated, computed, blocksFor(computed), true));
    }

    /** A running sequence part way through its prompt (chunked prefill): {@code computed} prompt tokens done. */
    public ReplicaScript prefilling(Request request, int computed) {
        if (computed < 0 || computed >= request.promptTokens()) throw new IllegalArgumentException("computed must be in [0, prompt)");
        return add(running, new ScriptedSequence(request, 0, computed, blocksFor(computed), true));
    }

    /** A waiting sequence, queued after those added before. */
    public ReplicaScript waiting(Request request) {
        return add(waiting, new ScriptedSequence(request, 0, 0, 0, false));
    }

    /** Takes {@code blocks} KV blocks out of the free pool (held by sequences not in the script). */
    public ReplicaScript heldElsewhere(int blocks) {
        take(blocks);
        return this;
    }

    /** Runs the scheduler once over this state, then moves admitted and preempted sequences as the engine does. */
    public ScriptedPlan schedule(BatchScheduler scheduler) {
        ScriptedPlan plan = new ScriptedPlan(this, maxNumBatchedTokens, maxNumSeqs - running.size());
        scheduler.schedule(this, plan);
        running.removeIf(s -> !s.running);
        waiting.removeIf(s -> s.running);
        for (ScriptedSequence s : plan.preemptedSequences()) waiting.addFirst(s);
        running.addAll(plan.admittedSequences());
        return plan;
    }

    /** The scripted sequence with request id {@code id}. */
    public ScriptedSequence sequence(long id) {
        for (List<ScriptedSequence> l : List.of(running, waiting)) {
            for (ScriptedSequence s : l) if (s.id() == id) return s;
        }
        throw new IllegalArgumentException("no sequence " + id + " in the script");
    }

    private ReplicaScript add(List<ScriptedSequence> to, ScriptedSequence s) {
        take(s.blocks);
        to.add(s);
        return this;
    }

    private void take(int blocks) {
        if (blocks > freeBlocks) throw new IllegalArgumentException("the script holds more than the " + capacityBlocks + " KV blocks");
        freeBlocks -= blocks;
    }

    int blocksFor(int tokens) {
        return (tokens + blockSizeTokens - 1) / blockSizeTokens;
    }

    void allocate(int blocks) {
        freeBlocks -= blocks;
    }

    void free(int blocks) {
        freeBlocks += blocks;
    }

    @Override
    public int index() {
        return 0;
    }

    @Override
    public long nowNanos() {
        return nowNanos;
    }

    @Override
    public List<ScriptedSequence> waiting() {
        return Collections.unmodifiableList(waiting);
    }

    @Override
    public List<ScriptedSequence> running() {
        return Collections.unmodifiableList(running);
    }

    @Override
    public int maxNumSeqs() {
        return maxNumSeqs;
    }

    @Override
    public int maxNumBatchedTokens() {
        return maxNumBatchedTokens;
    }

    @Override
    public int blockSizeTokens() {
        return blockSizeTokens;
    }

    @Override
    public int kvCapacityBlocks() {
        return capacityBlocks;
    }

    @Override
    public int kvAvailableBlocks() {
        return freeBlocks;
    }
}
