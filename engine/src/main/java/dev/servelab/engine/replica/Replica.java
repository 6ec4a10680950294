package dev.servelab.engine.replica;

import dev.servelab.engine.observe.RunObserver;
import dev.servelab.engine.observe.IterationRecord;
import dev.servelab.engine.event.EventLoop;
import dev.servelab.engine.model.AdapterId;
import dev.servelab.engine.spi.MultiLora;
import dev.servelab.engine.spi.BatchScheduler;
import dev.servelab.engine.spi.Executor;
import dev.servelab.engine.spi.IterationBatch;
import dev.servelab.engine.spi.ReplicaView;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One serving replica at iteration level: each iteration its {@link BatchScheduler} composes a batch
 * of prefill chunks and decode tokens, its {@link Executor} says how long the forward pass takes,
 * and at the iteration's end every sequence that completed its pending tokens emits one token.
 * One event per iteration, never one per token.
 *
 * <p>Steady decoders are not visited each iteration: once a running sequence decodes one token per
 * iteration with nothing to record per token, it joins the replica's {@link DecodeCohort}, whose
 * calendar says when it next needs a KV block or emits its last token; an iteration costs O(changes).
 * A scheduler that reads every running sequence still sees exact counts (the accessors add the steps
 * decoded since it joined); one that schedules members one by one takes them out of the cohort, so it
 * costs what it did before (O(batch)) and promotion pauses for {@value #REJOIN_BACKOFF_STEPS} steps.
 */
public final class Replica implements ReplicaView, RoutedReplica {
    /** Told when a sequence leaves the replica, so the cluster can update its counters. */
    public interface Exit {
        void onExit(Sequence sequence, long nowNanos);

        /**
         * A sequence emitted its first token and has more to generate; returns true when it leaves
         * this replica for its decode phase (prefill/decode disaggregation), false to stay.
         */
        default boolean onPrefilled(Sequence sequence, long nowNanos) {
            return false;
        }

        /**
         * A sequence failed on its replica (after {@link #onExit}) with {@code kind}; returns true when
         * the cluster sent its request again to another replica (its failure is then not recorded).
         */
        default boolean onFailed(Sequence sequence, dev.servelab.engine.model.FailureKind kind, String reason, long nowNanos) {
            return false;
        }

        /** Replica {@code replica} answered (a first token, a completed request) a request it was sent at {@code sentNanos}: it is alive. */
        default void onAnswered(int replica, long sentNanos, long nowNanos) {
        }
    }

    private final int index;
    private final String poolName;
    private final BatchScheduler scheduler;
    private final Executor executor;
    private final KvCache kv;
    private final int maxNumSeqs;
    private final int maxNumBatchedTokens;
    private final EventLoop loop;
    private final RunObserver[] observers;
    private final Exit exit;
    private final SequenceQueue waiting = new SequenceQueue();
    private final RunningList running = new RunningList();
    private final List<Sequence> waitingView = Collections.unmodifiableList(waiting);
    private final DecodeCohort cohort;
    private final ArrayList<Sequence> leaving = new ArrayList<>();
    /** After a scheduler handled a cohort member one by one, no sequence joins before this step. */
    private long joinFromStep;
    private boolean explodeAtFinish;
    static final int REJOIN_BACKOFF_STEPS = 64;
    private final IterationPlan plan;
    private final boolean prefixCaching;
    private final IterationRecord record = new IterationRecord();
    private final Runnable finishIteration = this::finishIteration;
    private final Runnable startIteration = this::startIteration;
    private boolean busy;
    /** Set by {@link #crash} while an iteration is in flight: its end produces nothing. */
    private boolean iterationLost;
    private long epoch;
    private long lastIterationEnd = Long.MIN_VALUE;
    private long outstandingTokens;
    /** The pool's speculative decoding, or null: then every decode step emits one token. */
    private SpeculativeVerifier speculative;
    /** The pool's LoRA adapter slots, or null: requests' adapters are ignored. */
    private LoraSlots lora;
    private AdapterId[] batchAdapters = new AdapterId[0];
    /**
     * With {@code lora}: the waiting sequences the scheduler sees this pass, those whose adapter could get a
     * slot at its start (vLLM skips a request whose adapter cannot be loaded and admits the ones after it).
     */
    private final ArrayList<Sequence> loraWaiting = new ArrayList<>();
    private final List<Sequence> loraWaitingView = Collections.unmodifiableList(loraWaiting);

    public Replica(int index, String poolName, BatchScheduler scheduler, Executor executor, KvCache kv, boolean prefixCaching,
                   int maxNumSeqs, int maxNumBatchedTokens, EventLoop loop, RunObserver[] observers, Exit exit) {
        this.index = index;
        this.poolName = poolName;
        this.scheduler = scheduler;
        this.executor = executor;
        this.kv = kv;
        this.maxNumSeqs = maxNumSeqs;
        this.maxNumBatchedTokens = maxNumBatchedTokens;
        this.loop = loop;
        this.observers = observers;
        this.exit = exit;
        this.prefixCaching = prefixCaching;
        this.plan = new IterationPlan(this, kv);
        this.cohort = new DecodeCohort(kv.blockSizeTokens());
        record.replica = index;
        record.kvCapacityBlocks = kv.capacityBlocks();
    }

    /**
     * Turns on speculative decoding for this replica (before its first iteration): each decode step of a
     * sequence verifies up to k proposed tokens and emits 1 + accepted of them at once. Such sequences
     * never join the {@link DecodeCohort} (they advance by more than one token per step).
     */
    public void speculate(SpeculativeVerifier verifier) {
        if (busy || !running.isEmpty()) throw new IllegalStateException("replica " + index + ": speculate() before the first iteration");
        this.speculative = verifier;
    }

    SpeculativeVerifier speculative() {
        return speculative;
    }

    /**
     * Turns on multi-LoRA serving for this replica (before its first iteration): {@code setting.maxLoras()}
     * adapter slots of {@code adapterBytes} each (the executor's figure), the batch rule and swap cost of
     * {@link LoraSlots}.
     */
    public void serveLora(MultiLora setting, long adapterBytes) {
        if (busy || !running.isEmpty()) throw new IllegalStateException("replica " + index + ": serveLora() before the first iteration");
        this.lora = new LoraSlots(setting, adapterBytes);
        this.batchAdapters = new AdapterId[setting.maxLoras()];
    }

    boolean loraAdmits(Sequence s) {
        return lora == null || lora.admits(s.request().adapter());
    }

    long loraAcquire(Sequence s) {
        return lora == null ? 0 : lora.acquire(s.request().adapter());
    }

    void loraRelease(Sequence s) {
        if (lora != null) lora.release(s.request().adapter());
    }

    @Override
    public boolean holdsAdapter(AdapterId adapter) {
        return lora != null && adapter != null && lora.holds(adapter);
    }

    /**
     * Queues a routed request; returns a rejection reason (and queues nothing) when the request could
     * never fit in this replica's KV cache.
     */
    @Override
    public String enqueue(Sequence s) {
        long tokens = (long) s.promptTokens + s.outputTokens;   // long: a 2^31 − 1 token prompt must not wrap into "fits"
        long blocks = (tokens + kv.blockSizeTokens() - 1) / kv.blockSizeTokens();
        if (blocks > kv.capacityBlocks()) {
            return "needs " + blocks + " KV blocks, replica " + index + " has " + kv.capacityBlocks();
        }
        s.reserveBlocks((int) blocks);
        if (lora != null) lora.routed(s.request().adapter());
        s.keyableBlocks = prefixCaching ? PrefixKeys.keyableBlocks(s.request(), kv.blockSizeTokens()) : 0;
        waiting.pushBack(s);
        outstandingTokens += tokens - s.generated;
        if (!busy) {
            busy = true;
            loop.afterOthersAt(loop.nowNanos(), startIteration);
        }
        return null;
    }

    private void startIteration() {
        long now = loop.nowNanos();
        planIteration(now);
        if (plan.size() == 0) {
            busy = false;
            if (!running.isEmpty()) {
                throw new IllegalStateException("replica " + index + ": the scheduler scheduled nothing while "
                        + running.size() + " sequences run (" + kv.availableBlocks() + " free KV blocks)");
            }
            return;
        }
        busy = true;
        if (lora != null) countLoraBatch();
        long duration = Math.max(Math.max(1, executor.iterationNanos(plan)), plan.overlappedLoadNanos) + plan.transferNanos;
        record.startNanos = now;
        record.endNanos = now + duration;
        loop.at(now + duration, finishIteration);
    }

    /** Fills {@link #loraWaiting}: the waiting sequences, in queue order, whose adapter may be admitted now. */
    private void admissibleWaiting() {
        loraWaiting.clear();
        for (Sequence s : waiting) if (lora.admits(s.request().adapter())) loraWaiting.add(s);
    }

    /** The batch's distinct adapters and LoRA tokens, for the executor and the iteration record. */
    private void countLoraBatch() {
        int distinct = 0;
        long tokens = 0;
        for (int i = 0, n = plan.size(); i < n; i++) {
            AdapterId a = ((Sequence) plan.sequence(i)).request().adapter();
            if (a == null) continue;
            tokens += plan.newTokens(i);
            boolean seen = false;
            for (int j = 0; j < distinct && !seen; j++) seen = batchAdapters[j].equals(a);
            if (seen) continue;
            if (distinct == batchAdapters.length) batchAdapters = java.util.Arrays.copyOf(batchAdapters, distinct * 2 + 1);
            batchAdapters[distinct++] = a;
        }
        java.util.Arrays.fill(batchAdapters, 0, distinct, null);
        plan.loraBatch(distinct, tokens);
        record.loraAdapters = distinct;
        record.loraSwaps = lora.takeIterationLoads();
    }

    /** One scheduling pass: the scheduler fills the plan, admitted and preempted sequences change lists. */
    private void planIteration(long now) {
        plan.reset(++epoch, now, maxNumBatchedTokens, maxNumSeqs - running.size());
        if (lora != null) admissibleWaiting();
        cohort.takeDue();
        scheduler.schedule(this, plan);
        plan.finishPlanning();
        applyQueueChanges();
    }

    /**
     * For testing policies only (the simulation never calls it): runs ONE scheduling pass of this
     * replica's scheduler at the loop's current time, exactly as an iteration start does — the real
     * plan allocates and frees KV blocks, admitted and preempted sequences move between the lists —
     * and returns the filled batch without executing it. Valid until the next pass. Refused while an
     * iteration is in flight. See {@link ReplicaState} for building a replica in a given state.
     */
    public IterationBatch planOnce() {
        if (busy) throw new IllegalStateException("replica " + index + " is running iterations; planOnce() is for idle test replicas");
        planIteration(loop.nowNanos());
        return plan;
    }

    /** Puts a sequence placed by {@link ReplicaState} into the running list or the waiting queue, as it is. */
    void place(Sequence s) {
        if (s.state == Sequence.State.RUNNING) running.append(s);
        else waiting.pushBack(s);
        outstandingTokens += s.promptTokens + s.outputTokens - s.generated;
    }

    private void applyQueueChanges() {
        if (!plan.preempted.isEmpty()) {
            for (Sequence s : plan.preempted) running.remove(s);
            for (Sequence s : plan.preempted) waiting.pushFront(s);
        }
        if (!plan.admitted.isEmpty()) {
            waiting.removeNotWaiting(plan.admitted.size());
            for (Sequence s : plan.admitted) running.append(s);
        }
    }

    private void finishIteration() {
        long end = loop.nowNanos();
        if (iterationLost) {
            iterationLost = false;
            explodeAtFinish = false;
            plan.clearSlots();
            startIteration();
            return;
        }
        if (explodeAtFinish) {
            plan.explode();
            explodeAtFinish = false;
        }
        int sameGapCount = 0;
        for (int e = 0, n = plan.entries(); e < n; e++) {
            Sequence s = plan.entrySeq(e);
            if (s == null) {
                sameGapCount += finishRun(e, end);
                continue;
            }
            if (plan.entryVerifies(e)) {
                int measured = executor.acceptedTokens(e);
                int accepted = measured >= 0 ? measured : speculative.accepted(plan.entryNewTokens(e) - 1);
                s.computed += 1 + accepted;
                if (s.publishedBlocks < s.keyableBlocks) publishBlocks(s);
                if (emitBurst(s, end, 1 + accepted)) sameGapCount++;
                continue;
            }
            s.computed += plan.entryNewTokens(e);
            if (s.publishedBlocks < s.keyableBlocks) publishBlocks(s);
            if (plan.entryEmits(e) && emit(s, end)) sameGapCount++;
        }
        if (sameGapCount > 0) emitGap(end - lastIterationEnd, sameGapCount);
        boolean paused = plan.cohortPaused();
        if (!paused) cohort.tick(end);
        cohort.rescheduleDue();
        if (!paused) joinCohort(end);
        if (!leaving.isEmpty()) {
            for (Sequence s : leaving) running.remove(s);
            leaving.clear();
        }
        reportIteration(end);
        plan.clearSlots();
        lastIterationEnd = end;
        loop.thenRun(startIteration);
    }

    /**
     * Emits the next token of {@code s} at {@code end}; returns true when its gap is the replica's
     * last iteration gap (reported in bulk), false when it was reported on its own or was its first token.
     */
    private boolean emit(Sequence s, long end) {
        boolean sameGap = false;
        if (s.generated > 0) {
            if (s.lastTokenNanos == lastIterationEnd) sameGap = true;
            else emitGap(end - s.lastTokenNanos, 1);
        }
        s.emitToken(end);
        outstandingTokens--;
        if (s.isComplete()) {
            finish(s, end);
            leaving.add(s);
        } else if (s.generated == 1 && exit.onPrefilled(s, end)) {
            handOff(s, end);
            leaving.add(s);
        }
        return sameGap;
    }

    /**
     * Emits {@code n ≥ 1} tokens of a decoding sequence at once (one streamed chunk, as vLLM returns a
     * verify step's tokens): one inter-token gap for the chunk, as vLLM's benchmark counts ITL per
     * chunk; TPOT still divides by every emitted token. Returns true when the gap is the replica's
     * last iteration gap.
     */
    private boolean emitBurst(Sequence s, long end, int n) {
        if (n == 1) return emit(s, end);
        boolean sameGap = s.lastTokenNanos == lastIterationEnd;
        if (!sameGap) emitGap(end - s.lastTokenNanos, 1);
        s.emitTokens(n, end);
        outstandingTokens -= n;
        if (s.isComplete()) {
            finish(s, end);
            leaving.add(s);
        }
        return sameGap;
    }

    /**
     * The end of a run entry: its members that emit their last token now leave the cohort and finish in
     * running-list order; the others' tokens are counted in bulk. Returns the run's same-gap tokens.
     */
    private int finishRun(int e, long end) {
        long first = plan.runFirstKey(e);
        long last = plan.runLastKey(e);
        int visited = 0;
        int sameGap = 0;
        long[] keys = cohort.dueKeys;
        for (int d = 0; d < cohort.dueCount; d++) {
            long k = keys[d];
            if (k < first) continue;
            if (k > last) break;
            Sequence s = cohort.due[d];
            if (s == null || s.cohort == null || !cohort.completesNow(s)) continue;
            leaveCohort(s, false);
            s.computed++;
            visited++;
            if (emit(s, end)) sameGap++;
        }
        int bulk = plan.runCount(e) - visited;
        outstandingTokens -= bulk;
        if (cohort.lastEndNanos == lastIterationEnd) return sameGap + bulk;
        for (int i = 0; i < bulk; i++) emitGap(end - cohort.lastEndNanos, 1);
        return sameGap;
    }

    /** Sequences that emitted a token this iteration and now decode steadily join the cohort. */
    private void joinCohort(long end) {
        if (cohort.steps < joinFromStep || speculative != null) return;
        for (int e = 0, n = plan.entries(); e < n; e++) {
            Sequence s = plan.entrySeq(e);
            if (s == null || !plan.entryEmits(e) || s.cohort != null || s.state != Sequence.State.RUNNING) continue;
            if (s.isSampled() || s.stopRequested || s.publishedBlocks < s.keyableBlocks || s.isPrefilling()) continue;
            if (s.lastTokenNanos != end) continue;
            cohort.join(s);
            running.removeExplicit(s);
        }
    }

    /**
     * Member {@code s} leaves the cohort with its counts made concrete; {@code byScheduler} when a
     * scheduler handles it one by one, which pauses joining for a while (so a scheduler that visits
     * every sequence does not make them join and leave every iteration).
     */
    void leaveCohort(Sequence s, boolean byScheduler) {
        cohort.leave(s);
        running.addExplicit(s);
        if (byScheduler) joinFromStep = cohort.steps + REJOIN_BACKOFF_STEPS;
    }

    private void publishBlocks(Sequence s) {
        int b = kv.blockSizeTokens();
        int limit = Math.min(s.keyableBlocks, s.computed / b);
        while (s.publishedBlocks < limit) {
            kv.publish(s.blockAt(s.publishedBlocks), PrefixKeys.key(s.request(), s.publishedBlocks, b));
            s.publishedBlocks++;
        }
    }

    private void emitGap(long gapNanos, int count) {
        for (RunObserver o : observers) o.onInterTokenGaps(gapNanos, count);
    }

    private void finish(Sequence s, long end) {
        for (int i = s.blockCount - 1; i >= 0; i--) kv.release(s.blockAt(i), end);
        s.blockCount = 0;
        loraGone(s);
        s.state = Sequence.State.FINISHED;
        s.finishNanos = end;
        outstandingTokens -= s.promptTokens + (s.outputTokens - s.generated);
        exit.onExit(s, end);
        for (RunObserver o : observers) o.onFinished(s, end);
    }

    /** The sequence continues on another replica: its blocks are released here (its prefix stays cached). */
    private void handOff(Sequence s, long end) {
        for (int i = s.blockCount - 1; i >= 0; i--) kv.release(s.blockAt(i), end);
        s.blockCount = 0;
        loraGone(s);
        s.state = Sequence.State.HANDED_OFF;
        outstandingTokens -= s.promptTokens + s.outputTokens - s.generated;
    }

    /** A running sequence leaves this replica: its adapter slot use and routing claim end. */
    private void loraGone(Sequence s) {
        if (lora == null) return;
        lora.release(s.request().adapter());
        lora.left(s.request().adapter());
    }

    private void reportIteration(long end) {
        IterationRecord r = record;
        r.endNanos = end;
        r.prefillTokens = plan.prefillTokens();
        r.decodeTokens = plan.decodeTokens();
        r.batchSize = plan.size();
        r.kvUsedBlocks = kv.usedBlocks();
        r.waiting = waiting.size();
        r.lookupTokens = plan.lookupTokens;
        r.hitTokens = plan.hitTokens;
        r.hitTokensCpu = plan.hitTokensCpu;
        r.hitTokensDisk = plan.hitTokensDisk;
        r.preemptions = plan.preempted.size();
        r.joules = executor.lastIterationJoules();
        for (RunObserver o : observers) o.onIteration(r);
    }

    /**
     * Ends request {@code requestId} early, if it is here: it finishes at the end of the next iteration
     * that emits a token for it (its current one, if it is running), releasing its KV blocks then. Live
     * runs only (a client that went away, an end-of-sequence token). Returns whether it was found.
     */
    public boolean stop(long requestId) {
        for (Sequence s : running) {
            if (s.request().id() != requestId) continue;
            if (s.cohort != null) {
                if (busy) explodeAtFinish = true;
                else leaveCohort(s, false);
            }
            return s.stopRequested = true;
        }
        for (Sequence s : waiting) {
            if (s.request().id() == requestId) return s.stopRequested = true;
        }
        return false;
    }

    /**
     * An injected crash ({@code faults:}): drops every running and waiting sequence (returned, marked
     * failed, running ones first) and the whole KV cache, which is cold afterwards; an iteration in
     * flight produces nothing. The caller decides whether the dropped requests fail or are retried.
     */
    public Crash crash(long nowNanos) {
        for (Sequence s : running) {
            if (s.cohort != null) cohort.leave(s);
        }
        cohort.clearDue();
        List<Sequence> dropped = new ArrayList<>(running);
        while (!waiting.isEmpty()) dropped.add(waiting.popFront());
        running.clear();
        long tokens = 0;
        for (Sequence s : dropped) {
            tokens += s.computed;
            s.blockCount = 0;
            s.state = Sequence.State.FAILED;
            s.finishNanos = nowNanos;
        }
        outstandingTokens = 0;
        if (lora != null) lora.clear();
        int blocks = kv.reset();
        if (busy) iterationLost = true;
        return new Crash(dropped, blocks, tokens);
    }

    /** What a crash dropped: the sequences, and the KV blocks holding data (in use or cached) and tokens computed. */
    public record Crash(List<Sequence> dropped, int kvBlocksLost, long kvTokensLost) {
    }

    /** The running list itself (read-only to schedulers; the plan's bulk decode path reads its keys). */
    RunningList runningList() {
        return running;
    }

    DecodeCohort cohort() {
        return cohort;
    }

    public KvCache kvCache() {
        return kv;
    }

    @Override
    public String poolName() {
        return poolName;
    }

    @Override
    public long outstandingTokens() {
        return outstandingTokens;
    }

    @Override
    public int waitingCount() {
        return waiting.size();
    }

    @Override
    public int runningCount() {
        return running.size();
    }

    @Override
    public double kvUsage() {
        return (double) kv.usedBlocks() / kv.capacityBlocks();
    }

    @Override
    public int index() {
        return index;
    }

    @Override
    public long nowNanos() {
        return loop.nowNanos();
    }

    @Override
    public List<Sequence> waiting() {
        return lora == null ? waitingView : loraWaitingView;
    }

    @Override
    public List<Sequence> running() {
        return running;
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
        return kv.blockSizeTokens();
    }

    @Override
    public int kvCapacityBlocks() {
        return kv.capacityBlocks();
    }

    @Override
    public int kvAvailableBlocks() {
        return kv.availableBlocks();
    }
}
