package dev.servelab.engine.replica;

import dev.servelab.engine.observe.RunObserver;
import dev.servelab.engine.observe.IterationRecord;
import dev.servelab.engine.event.EventLoop;
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
    private final ArrayList<Sequence> running = new ArrayList<>();
    private final List<Sequence> waitingView = Collections.unmodifiableList(waiting);
    private final List<Sequence> runningView = Collections.unmodifiableList(running);
    private final IterationPlan plan;
    private final boolean prefixCaching;
    private final IterationRecord record = new IterationRecord();
    private final Runnable finishIteration = this::finishIteration;
    private final Runnable startIteration = this::startIteration;
    private boolean busy;
    private long epoch;
    private long lastIterationEnd = Long.MIN_VALUE;
    private long outstandingTokens;

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
        record.replica = index;
        record.kvCapacityBlocks = kv.capacityBlocks();
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
        long duration = Math.max(1, executor.iterationNanos(plan)) + plan.transferNanos;
        record.startNanos = now;
        record.endNanos = now + duration;
        loop.at(now + duration, finishIteration);
    }

    /** One scheduling pass: the scheduler fills the plan, admitted and preempted sequences change lists. */
    private void planIteration(long now) {
        plan.reset(++epoch, now, maxNumBatchedTokens, maxNumSeqs - running.size());
        scheduler.schedule(this, plan);
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
        if (s.state == Sequence.State.RUNNING) running.add(s);
        else waiting.pushBack(s);
        outstandingTokens += s.promptTokens + s.outputTokens - s.generated;
    }

    private void applyQueueChanges() {
        if (!plan.preempted.isEmpty()) {
            running.removeIf(s -> s.state == Sequence.State.WAITING);
            for (Sequence s : plan.preempted) waiting.pushFront(s);
        }
        if (!plan.admitted.isEmpty()) {
            waiting.removeNotWaiting(plan.admitted.size());
            running.addAll(plan.admitted);
        }
    }

    private void finishIteration() {
        long end = loop.nowNanos();
        int sameGapCount = 0;
        boolean anyFinished = false;
        for (int i = 0, n = plan.size(); i < n; i++) {
            Sequence s = plan.seq(i);
            s.computed += plan.newTokens(i);
            if (s.publishedBlocks < s.keyableBlocks) publishBlocks(s);
            if (!plan.emitsToken(i)) continue;
            if (s.generated > 0) {
                if (s.lastTokenNanos == lastIterationEnd) sameGapCount++;
                else emitGap(end - s.lastTokenNanos, 1);
            }
            s.emitToken(end);
            outstandingTokens--;
            if (s.isComplete()) {
                finish(s, end);
                anyFinished = true;
            } else if (s.generated == 1 && exit.onPrefilled(s, end)) {
                handOff(s, end);
                anyFinished = true;
            }
        }
        if (sameGapCount > 0) emitGap(end - lastIterationEnd, sameGapCount);
        if (anyFinished) running.removeIf(s -> s.state == Sequence.State.FINISHED || s.state == Sequence.State.HANDED_OFF);
        reportIteration(end);
        plan.clearSlots();
        lastIterationEnd = end;
        startIteration();
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
        s.state = Sequence.State.HANDED_OFF;
        outstandingTokens -= s.promptTokens + s.outputTokens - s.generated;
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
            if (s.request().id() == requestId) return s.stopRequested = true;
        }
        for (Sequence s : waiting) {
            if (s.request().id() == requestId) return s.stopRequested = true;
        }
        return false;
    }

    /** The running list itself (the plan's bulk decode path reads it without the read-only wrapper). */
    List<Sequence> runningList() {
        return running;
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
        return waitingView;
    }

    @Override
    public List<Sequence> running() {
        return runningView;
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
