package dev.servelab.engine.replica;

import dev.servelab.engine.spi.BatchPlan;
import dev.servelab.engine.spi.IterationBatch;
import dev.servelab.engine.spi.SequenceView;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The batch of one iteration: the scheduler fills it through {@link BatchPlan} (the plan does KV
 * allocation and prefix-cache lookups as it goes), the executor reads it through {@link IterationBatch}.
 * One instance per replica, reset each iteration.
 */
final class IterationPlan implements BatchPlan, IterationBatch {
    private final Replica replica;
    private final KvCache kv;
    private Sequence[] seqs = new Sequence[64];
    private int[] newTokens = new int[64];
    private int[] context = new int[64];
    private boolean[] prefill = new boolean[64];
    private boolean[] emits = new boolean[64];
    private int size;
    private int tokenBudget;
    private int seqBudget;
    private int prefillTokens;
    private int decodeTokens;
    private long attentionPairs;
    private long kvTokensTouched;
    private int emitting;
    private long epoch;
    private long now;
    long lookupTokens;
    long hitTokens;
    long transferNanos;
    final List<Sequence> admitted = new ArrayList<>();
    final List<Sequence> preempted = new ArrayList<>();
    private int[] hitScratch = new int[64];
    private int cpuHits;

    IterationPlan(Replica replica, KvCache kv) {
        this.replica = replica;
        this.kv = kv;
    }

    void reset(long epoch, long nowNanos, int maxTokens, int freeSeqSlots) {
        this.epoch = epoch;
        this.now = nowNanos;
        size = 0;
        tokenBudget = maxTokens;
        seqBudget = freeSeqSlots;
        prefillTokens = decodeTokens = emitting = 0;
        attentionPairs = kvTokensTouched = 0;
        lookupTokens = hitTokens = transferNanos = 0;
        admitted.clear();
        preempted.clear();
    }

    @Override
    public int tokenBudget() {
        return tokenBudget;
    }

    @Override
    public int seqBudget() {
        return seqBudget;
    }

    @Override
    public boolean isScheduled(SequenceView s) {
        return ((Sequence) s).planEpoch == epoch;
    }

    @Override
    public boolean decode(SequenceView view) {
        Sequence s = (Sequence) view;
        if (s.state != Sequence.State.RUNNING || isScheduled(s) || tokenBudget < 1) return false;
        if (s.uncomputedTokens() != 1) throw new IllegalStateException("decode() on a prefilling sequence " + s.id());
        if (s.computed >= s.blockCount * kv.blockSizeTokens()) {
            int b = kv.allocate();
            if (b < 0) return false;
            s.addBlock(b);
        }
        add(s, 1, false, true);
        return true;
    }

    @Override
    public int decodeRun(List<? extends SequenceView> running, int from, int to) {
        if (running != replica.running()) return BatchPlan.super.decodeRun(running, from, to);
        List<Sequence> seqs = replica.runningList();
        int blockSize = kv.blockSizeTokens();
        int i = from;
        for (; i < to; i++) {
            Sequence s = seqs.get(i);
            if (s.isPrefilling() || s.planEpoch == epoch || tokenBudget < 1 || s.state != Sequence.State.RUNNING) break;
            if (s.computed >= s.blockCount * blockSize) {
                int b = kv.allocate();
                if (b < 0) break;
                s.addBlock(b);
            }
            add(s, 1, false, true);
        }
        return i;
    }

    @Override
    public int prefill(SequenceView view, int maxTokens, boolean allowPartial) {
        Sequence s = (Sequence) view;
        if (isScheduled(s) || s.state == Sequence.State.FINISHED || s.state == Sequence.State.REJECTED) return 0;
        boolean admitting = s.state == Sequence.State.WAITING;
        int budget = Math.min(maxTokens, tokenBudget);
        if ((admitting && seqBudget <= 0) || budget <= 0) return 0;
        int total = s.promptTokens + s.generated;
        int hits = admitting ? lookupPrefix(s, total) : 0;
        int reloads = admitting ? cpuHits : 0;
        int hitCandidates = 0;
        for (int i = 0; i < hits; i++) if (!kv.isReferenced(hitScratch[i])) hitCandidates++;
        int computedAfterHits = s.computed + (hits + reloads) * kv.blockSizeTokens();
        int n = Math.min(total - computedAfterHits, budget);
        if (n < total - computedAfterHits && !allowPartial) return 0;
        int newBlocks = blocksFor(computedAfterHits + n) - s.blockCount - hits;
        if (newBlocks + hitCandidates > kv.availableBlocks()) return 0;
        if (admitting && kv.watermarkBlocks() > 0
                && blocksFor(total) - s.blockCount - hits + hitCandidates + kv.watermarkBlocks() > kv.availableBlocks()) return 0;
        for (int i = 0; i < hits; i++) {
            kv.acquire(hitScratch[i], now);
            s.addBlock(hitScratch[i]);
        }
        for (int i = 0; i < reloads; i++) {
            int b = kv.allocate();
            s.addBlock(b);
            transferNanos += kv.reload(b, PrefixKeys.key(s.request(), hits + i, kv.blockSizeTokens()));
        }
        for (int i = reloads; i < newBlocks; i++) s.addBlock(kv.allocate());
        if (admitting) admit(s, total, hits + reloads);
        boolean wasPrefill = s.isPrefilling();
        s.computed = computedAfterHits;
        add(s, n, wasPrefill, computedAfterHits + n == total);
        return n;
    }

    private void admit(Sequence s, int total, int hits) {
        s.state = Sequence.State.RUNNING;
        if (s.firstScheduledNanos < 0) s.firstScheduledNanos = now;
        seqBudget--;
        admitted.add(s);
        if (s.isSwappedOut()) {
            transferNanos += s.swapInNanos;
            s.swapInNanos = -1;
        }
        if (s.computed > 0) return;
        int cached = hits * kv.blockSizeTokens();
        s.cachedTokens = cached;
        s.totalCachedTokens += cached;
        s.publishedBlocks = hits;
        lookupTokens += total;
        hitTokens += cached;
    }

    /**
     * Longest cached prefix of the sequence's keyed blocks on the GPU, leaving at least one token to
     * compute; {@link #cpuHits} is set to how many blocks after those the CPU tier can reload.
     */
    private int lookupPrefix(Sequence s, int totalTokens) {
        cpuHits = 0;
        if (s.keyableBlocks == 0 || s.computed != 0) return 0;
        int b = kv.blockSizeTokens();
        int max = Math.min(s.keyableBlocks, (totalTokens - 1) / b);
        if (hitScratch.length < max) hitScratch = new int[Math.max(max, hitScratch.length * 2)];
        int hits = 0;
        while (hits < max) {
            int block = kv.lookup(PrefixKeys.key(s.request(), hits, b));
            if (block < 0) break;
            hitScratch[hits++] = block;
        }
        while (hits + cpuHits < max && kv.inCpuTier(PrefixKeys.key(s.request(), hits + cpuHits, b))) cpuHits++;
        return hits;
    }

    @Override
    public void preempt(SequenceView view) {
        Sequence s = (Sequence) view;
        if (s.state != Sequence.State.RUNNING) return;
        evict(s);
        s.markPreempted(now);
    }

    @Override
    public void swapOut(SequenceView view, long transferNanos) {
        Sequence s = (Sequence) view;
        if (s.state != Sequence.State.RUNNING) return;
        evict(s);
        s.markSwappedOut(now, Math.max(0, transferNanos));
        this.transferNanos += Math.max(0, transferNanos);
    }

    /** Takes a running sequence off the GPU: out of this plan, its blocks released, back to waiting. */
    private void evict(Sequence s) {
        if (isScheduled(s)) unschedule(s);
        for (int i = s.blockCount - 1; i >= 0; i--) kv.release(s.blockAt(i), now);
        s.blockCount = 0;
        s.state = Sequence.State.WAITING;
        if (admitted.remove(s)) {
            seqBudget++;
        } else {
            preempted.add(s);
            seqBudget++;
        }
    }

    private void unschedule(Sequence s) {
        int i = s.planSlot;
        tokenBudget += newTokens[i];
        if (prefill[i]) prefillTokens -= newTokens[i];
        else decodeTokens -= newTokens[i];
        attentionPairs -= pairs(newTokens[i], context[i]);
        kvTokensTouched -= context[i] + newTokens[i];
        if (emits[i]) emitting--;
        int tail = size - i - 1;
        System.arraycopy(seqs, i + 1, seqs, i, tail);
        System.arraycopy(newTokens, i + 1, newTokens, i, tail);
        System.arraycopy(context, i + 1, context, i, tail);
        System.arraycopy(prefill, i + 1, prefill, i, tail);
        System.arraycopy(emits, i + 1, emits, i, tail);
        size--;
        for (int j = i; j < size; j++) seqs[j].planSlot = j;
        seqs[size] = null;
        s.planEpoch = -1;
    }

    private void add(Sequence s, int n, boolean isPrefill, boolean emitsToken) {
        if (size == seqs.length) grow();
        seqs[size] = s;
        newTokens[size] = n;
        context[size] = s.computed;
        prefill[size] = isPrefill;
        emits[size] = emitsToken;
        s.planEpoch = epoch;
        s.planSlot = size++;
        tokenBudget -= n;
        if (isPrefill) prefillTokens += n;
        else decodeTokens += n;
        attentionPairs += pairs(n, s.computed);
        kvTokensTouched += s.computed + n;
        if (emitsToken) emitting++;
    }

    private static long pairs(int m, int context) {
        return (long) m * context + (long) m * (m + 1) / 2;
    }

    private int blocksFor(int tokens) {
        return (tokens + kv.blockSizeTokens() - 1) / kv.blockSizeTokens();
    }

    private void grow() {
        int n = seqs.length * 2;
        seqs = Arrays.copyOf(seqs, n);
        newTokens = Arrays.copyOf(newTokens, n);
        context = Arrays.copyOf(context, n);
        prefill = Arrays.copyOf(prefill, n);
        emits = Arrays.copyOf(emits, n);
    }

    Sequence seq(int i) {
        return seqs[i];
    }

    void clearSlots() {
        Arrays.fill(seqs, 0, size, null);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public SequenceView sequence(int i) {
        return seqs[i];
    }

    @Override
    public int newTokens(int i) {
        return newTokens[i];
    }

    @Override
    public int contextTokens(int i) {
        return context[i];
    }

    @Override
    public boolean isPrefill(int i) {
        return prefill[i];
    }

    @Override
    public boolean emitsToken(int i) {
        return emits[i];
    }

    @Override
    public int prefillTokens() {
        return prefillTokens;
    }

    @Override
    public int decodeTokens() {
        return decodeTokens;
    }

    @Override
    public long attentionPairs() {
        return attentionPairs;
    }

    @Override
    public long kvTokensTouched() {
        return kvTokensTouched;
    }

    @Override
    public int emittingSequences() {
        return emitting;
    }

    @Override
    public int replicaIndex() {
        return replica.index();
    }

    @Override
    public long startNanos() {
        return now;
    }
}
