package dev.servelab.testkit;

import dev.servelab.engine.event.EventLoop;
import dev.servelab.engine.model.Request;
import dev.servelab.engine.replica.KvCache;
import dev.servelab.engine.replica.Replica;
import dev.servelab.engine.replica.ReplicaState;
import dev.servelab.engine.replica.Sequence;
import dev.servelab.engine.spi.BatchScheduler;
import dev.servelab.engine.spi.IterationBatch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A replica state written by hand, for asking a {@link BatchScheduler} what it puts in one
 * iteration's batch: running sequences (decoding, or still prefilling a long prompt), waiting ones in
 * queue order, and a KV cache of so many blocks, some of them held by others. Everything is the
 * engine's own: the sequences are real {@link Sequence}s placed through {@link ReplicaState} with
 * blocks from a real {@link KvCache}, and {@link #schedule} runs one pass of a real {@link Replica}
 * ({@link Replica#planOnce()}) — the engine's plan keeps the budgets and block accounting — recording
 * each decision. The batch is not executed. No prefix-cache hits (run the policy in a {@link ReplicaRun} for those).
 *
 * <pre>{@code
 * ReplicaScript r = ReplicaScript.of(10, 16).limits(8, 512)
 *         .running(Request.of(1, 0, 40, 20), 5)      // decoding, 5 tokens generated
 *         .waiting(Request.of(2, 0, 300, 10));
 * PlannedIteration it = r.schedule(new MyScheduler());
 * assertEquals(List.of(Decision.decode(1), Decision.prefill(2, 300)), it.decisions());
 * }</pre>
 */
public final class ReplicaScript {
    private final KvCache kv;
    private final ReplicaState state;
    private final EventLoop loop = new EventLoop();
    private final List<Sequence> sequences = new ArrayList<>();
    private int maxNumSeqs = 256;
    private int maxNumBatchedTokens = 8192;
    private BatchScheduler current;
    private RecordingScheduler recording;
    private Replica replica;

    private ReplicaScript(int capacityBlocks, int blockSizeTokens) {
        if (capacityBlocks < 1 || blockSizeTokens < 1) throw new IllegalArgumentException("capacity and block size must be >= 1");
        this.state = new ReplicaState(capacityBlocks, blockSizeTokens);
        this.kv = state.kvCache();
    }

    /** An idle replica with a KV cache of {@code capacityBlocks} blocks of {@code blockSizeTokens} tokens. */
    public static ReplicaScript of(int capacityBlocks, int blockSizeTokens) {
        return new ReplicaScript(capacityBlocks, blockSizeTokens);
    }

    /** {@code max_num_seqs} and {@code max_num_batched_tokens} (256 and 8,192 unless set). */
    public ReplicaScript limits(int maxSeqs, int maxBatchedTokens) {
        unbuilt().maxNumSeqs = maxSeqs;
        this.maxNumBatchedTokens = maxBatchedTokens;
        return this;
    }

    /** The replica's clock at the scheduling pass. */
    public ReplicaScript now(long nanos) {
        unbuilt();
        loop.at(nanos, () -> { });
        loop.run();
        return this;
    }

    /** A running sequence decoding its next token: prompt and {@code generated - 1} outputs computed. */
    public ReplicaScript running(Request request, int generated) {
        if (generated < 1) throw new IllegalArgumentException("a decoding sequence has generated 1 .. output-1 tokens, not " + generated);
        sequences.add(unbuilt().state.running(request, generated, request.promptTokens() + generated - 1));
        return this;
    }

    /** A running sequence part way through its prompt (chunked prefill): {@code computed} prompt tokens done. */
    public ReplicaScript prefilling(Request request, int computed) {
        sequences.add(unbuilt().state.running(request, 0, computed));
        return this;
    }

    /** A waiting sequence, queued after those added before. */
    public ReplicaScript waiting(Request request) {
        sequences.add(unbuilt().state.waiting(request));
        return this;
    }

    /** Takes {@code blocks} KV blocks out of the free pool (held by sequences not in the script). */
    public ReplicaScript heldElsewhere(int blocks) {
        unbuilt().state.holdBlocks(blocks);
        return this;
    }

    /** Runs one scheduling pass of the engine's replica with {@code scheduler}; admitted and preempted sequences move as in the engine. */
    public PlannedIteration schedule(BatchScheduler scheduler) {
        Replica r = built();
        Set<Long> runningBefore = ids(r.running());
        current = scheduler;
        IterationBatch batch = r.planOnce();
        List<Long> ids = new ArrayList<>();
        int tokens = 0;
        for (int i = 0; i < batch.size(); i++) {
            ids.add(batch.sequence(i).id());
            tokens += batch.newTokens(i);
        }
        List<Decision> decisions = recording.latest();
        List<Long> admitted = r.running().stream().map(Sequence::id).filter(id -> !runningBefore.contains(id)).toList();
        List<Long> preempted = decisions.stream()
                .filter(d -> d.kind() == Decision.Kind.PREEMPT || d.kind() == Decision.Kind.SWAP_OUT)
                .map(Decision::sequenceId).filter(runningBefore::contains).toList();
        return new PlannedIteration(decisions, ids, tokens, maxNumBatchedTokens - tokens, admitted, preempted);
    }

    /** The engine sequence of request {@code id}. */
    public Sequence sequence(long id) {
        return sequences.stream().filter(s -> s.id() == id).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no sequence " + id + " in the script"));
    }

    private static Set<Long> ids(List<Sequence> seqs) {
        Set<Long> ids = new HashSet<>();
        for (Sequence s : seqs) ids.add(s.id());
        return ids;
    }

    private ReplicaScript unbuilt() {
        if (replica != null) throw new IllegalStateException("script the replica before scheduling or reading its lists");
        return this;
    }

    private Replica built() {
        if (replica == null) {
            recording = new RecordingScheduler((view, plan) -> current.schedule(view, plan));
            replica = state.replica(recording, maxNumSeqs, maxNumBatchedTokens, loop);
        }
        return replica;
    }

    /** The engine replica in the scripted state (its {@code ReplicaView}: limits, KV blocks, lists). */
    public Replica replica() {
        return built();
    }

    public long nowNanos() {
        return loop.nowNanos();
    }

    /** The engine's waiting queue, in order. */
    public List<Sequence> waiting() {
        return built().waiting();
    }

    /** The engine's running list, in order. */
    public List<Sequence> running() {
        return built().running();
    }

    /** Free KV blocks of the real cache. */
    public int kvAvailableBlocks() {
        return kv.availableBlocks();
    }
}
