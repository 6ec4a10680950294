package dev.servelab.engine.replica;

import dev.servelab.engine.spi.CacheTier;
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
 *
 * <p>The plan is a list of entries: one per sequence scheduled one by one, and <em>runs</em> — a
 * stretch of the running list whose members are all in the replica's {@link DecodeCohort}, scheduled
 * by {@link #decodeRun} as one decode token each without visiting them (only those whose calendar event
 * is a block boundary get a block, in running-list order). The batch's totals count every sequence; an
 * executor that asks for entry {@code i} gets a flat view built on first use (O(batch), once). A
 * scheduler call on one cohort member ({@link #decode}, {@link #prefill}, {@link #preempt}) takes it out
 * of the cohort first; preempting a member already in a run turns the runs into entries first.
 */
final class IterationPlan implements BatchPlan, IterationBatch {
    private final Replica replica;
    private final KvCache kv;
    private Sequence[] seqs = new Sequence[64];
    private int[] newTokens = new int[64];
    private int[] context = new int[64];
    private boolean[] prefill = new boolean[64];
    private boolean[] emits = new boolean[64];
    /** Runs: for entry {@code e} with {@code seqs[e] == null}, running-list keys runFirst..runLast, runCount sequences. */
    private long[] runFirst = new long[64];
    private long[] runLast = new long[64];
    private int[] runCount = new int[64];
    private int entries;
    private int runs;
    /** Cohort members covered by runs. */
    private int covered;
    private boolean finalized;
    /** Set by {@link #finishPlanning}: the cohort has members and none decodes in this iteration. */
    private boolean paused;
    private boolean flat;
    private Sequence[] flatSeqs = new Sequence[0];
    private int[] flatEntry = new int[0];
    private int flatEntries;
    private int size;
    private int tokenBudget;
    private int seqBudget;
    private int prefillTokens;
    private int decodeTokens;
    private long attentionPairs;
    private long kvTokensTouched;
    private int emitting;
    private int verifying;
    private long verifyingContext;
    private int proposed;
    private int loraAdapters;
    private long loraTokens;
    private long epoch;
    private long now;
    long lookupTokens;
    long hitTokens;
    long transferNanos;
    /** Prompt tokens found in the CPU and disk tiers (part of {@link #hitTokens}). */
    long hitTokensCpu;
    long hitTokensDisk;
    /** Time of this iteration's loads from lower tiers that overlap the forward pass ({@code overlap: true}). */
    long overlappedLoadNanos;
    final List<Sequence> admitted = new ArrayList<>();
    final List<Sequence> preempted = new ArrayList<>();
    private int[] hitScratch = new int[64];
    private int cpuHits;
    private CacheTier[] tierScratch = new CacheTier[64];

    IterationPlan(Replica replica, KvCache kv) {
        this.replica = replica;
        this.kv = kv;
    }

    void reset(long epoch, long nowNanos, int maxTokens, int freeSeqSlots) {
        this.epoch = epoch;
        this.now = nowNanos;
        size = entries = runs = covered = 0;
        finalized = flat = paused = false;
        tokenBudget = maxTokens;
        seqBudget = freeSeqSlots;
        prefillTokens = decodeTokens = emitting = 0;
        verifying = proposed = 0;
        verifyingContext = 0;
        attentionPairs = kvTokensTouched = 0;
        lookupTokens = hitTokens = transferNanos = 0;
        hitTokensCpu = hitTokensDisk = overlappedLoadNanos = 0;
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
    public boolean isScheduled(SequenceView view) {
        Sequence s = (Sequence) view;
        return s.cohort != null ? inRun(s.runKey) : s.planEpoch == epoch;
    }

    private boolean inRun(long key) {
        if (runs == 0) return false;
        for (int e = 0; e < entries; e++) {
            if (seqs[e] == null && runFirst[e] <= key && key <= runLast[e]) return true;
        }
        return false;
    }

    /** A scheduler handles cohort member {@code s} on its own: unless a run covers it, it leaves the cohort. */
    private boolean leaveCohort(Sequence s) {
        if (s.cohort == null) return true;
        if (inRun(s.runKey)) return false;
        replica.leaveCohort(s, true);
        return true;
    }

    @Override
    public boolean decode(SequenceView view) {
        Sequence s = (Sequence) view;
        if (!leaveCohort(s)) return false;
        if (s.state != Sequence.State.RUNNING || isScheduled(s) || tokenBudget < 1) return false;
        if (s.uncomputedTokens() != 1) throw new IllegalStateException("decode() on a prefilling sequence " + s.id());
        if (replica.speculative() != null) return verify(s, replica.speculative().proposals());
        if (s.computed >= s.blockCount * kv.blockSizeTokens()) {
            int b = kv.allocate();
            if (b < 0) return false;
            s.addBlock(b);
        }
        add(s, 1, false, true);
        return true;
    }

    /**
     * A speculative decode step: the sequence's last token and up to {@code k} proposed tokens are
     * verified in one pass, so it is scheduled with {@code q = min(k + 1, tokens it still has to
     * generate, token budget)} new tokens (vLLM V1 counts proposed tokens against
     * {@code max_num_batched_tokens} and trims them to the budget), and KV slots for all {@code q} are
     * allocated before the step (vLLM's lookahead slots); all or none, false when blocks run out.
     * Capping at the remaining tokens keeps every slot inside the blocks reserved at enqueue.
     */
    private boolean verify(Sequence s, int k) {
        int q = Math.min(Math.min(k + 1, s.outputTokens - s.generated), tokenBudget);
        q = Math.max(1, q);
        int need = blocksFor(s.computed + q) - s.blockCount;
        if (need > kv.availableBlocks()) return false;
        for (int i = 0; i < need; i++) s.addBlock(kv.allocate());
        add(s, q, false, true);
        return true;
    }

    @Override
    public int decodeRun(List<? extends SequenceView> running, int from, int to) {
        if (running != replica.running() || replica.speculative() != null) return BatchPlan.super.decodeRun(running, from, to);
        RunningList list = replica.runningList();
        int blockSize = kv.blockSizeTokens();
        int i = from;
        while (i < to) {
            Sequence s = list.get(i);
            if (s.cohort != null) {
                int end = list.nextExplicit(i, to);
                int stop = coverRun(list, i, end);
                if (stop < end) return stop;
                i = end;
                continue;
            }
            if (s.isPrefilling() || s.planEpoch == epoch || tokenBudget < 1 || s.state != Sequence.State.RUNNING) break;
            if (s.computed >= s.blockCount * blockSize) {
                int b = kv.allocate();
                if (b < 0) break;
                s.addBlock(b);
            }
            add(s, 1, false, true);
            i++;
        }
        return i;
    }

    @Override
    public int nextPrefilling(List<? extends SequenceView> running, int from) {
        if (running != replica.running()) return BatchPlan.super.nextPrefilling(running, from);
        RunningList list = replica.runningList();
        int n = list.size();
        int i = from;
        while (i < n) {
            i = list.nextExplicit(i, n);
            if (i == n || list.get(i).isPrefilling()) return i;
            i++;
        }
        return n;
    }

    /**
     * Schedules cohort members {@code from .. end-1} of the running list as one run: one decode token
     * each, a block for each whose calendar says it needs one (in list order). Stops where {@link
     * #decode} would have: at a member already scheduled, when the token budget runs out, or at the
     * first block that cannot be allocated. Returns the position it stopped at.
     */
    private int coverRun(RunningList list, int from, int end) {
        long firstKey = list.key(from);
        if (inRun(firstKey)) return from;
        int limit = Math.min(end, from + Math.max(0, tokenBudget));
        for (int e = 0; e < entries && runs > 0; e++) {
            if (seqs[e] == null && runFirst[e] > firstKey && limit > from && runFirst[e] <= list.key(limit - 1)) {
                limit = list.position(runFirst[e]);
            }
        }
        if (limit <= from) return from;
        long lastKey = list.key(limit - 1);
        DecodeCohort cohort = replica.cohort();
        int blockSize = kv.blockSizeTokens();
        long[] keys = cohort.dueKeys;
        for (int d = 0; d < cohort.dueCount; d++) {
            long k = keys[d];
            if (k < firstKey) continue;
            if (k > lastKey) break;
            Sequence s = cohort.due[d];
            if (s == null || s.cohort == null) continue;
            if (s.computedTokens() >= s.blockCount * blockSize) {
                int b = kv.allocate();
                if (b < 0) {
                    limit = list.position(s.runKey);
                    break;
                }
                s.addBlock(b);
            }
            if (!cohort.completesNow(s)) cohort.rescheduleDecoding(d);
        }
        if (limit > from) addRun(firstKey, list.key(limit - 1), limit - from);
        return limit;
    }

    private void addRun(long firstKey, long lastKey, int count) {
        int e = entries - 1;
        if (e >= 0 && seqs[e] == null && replica.runningList().position(runLast[e]) + 1 == replica.runningList().position(firstKey)) {
            runLast[e] = lastKey;
            runCount[e] += count;
        } else {
            if (entries == seqs.length) grow();
            e = entries++;
            seqs[e] = null;
            runFirst[e] = firstKey;
            runLast[e] = lastKey;
            runCount[e] = count;
            runs++;
        }
        size += count;
        covered += count;
        tokenBudget -= count;
        decodeTokens += count;
        emitting += count;
    }

    /**
     * After the scheduler's pass: cohort members no run covers did not decode this iteration and leave
     * the cohort (their counts made concrete) — unless no run covers any member: then the cohort
     * {@linkplain #paused pauses} (none of its members decodes, its clock stands still, nobody is
     * visited), as in a prefill-only iteration of {@code batch.prefill-first}. The runs' attention and
     * KV totals are added from the cohort's context sum. Called once per pass, before the executor
     * reads the batch.
     */
    void finishPlanning() {
        DecodeCohort cohort = replica.cohort();
        paused = covered == 0 && cohort.size() > 0;
        if (!paused && covered < cohort.size()) {
            RunningList list = replica.runningList();
            for (int i = list.size() - 1; i >= 0; i--) {
                Sequence s = list.get(i);
                if (s.cohort != null && !inRun(s.runKey)) replica.leaveCohort(s, false);
            }
        }
        if (covered > 0) {
            long contexts = cohort.computedSum();
            attentionPairs += contexts + covered;
            kvTokensTouched += contexts + covered;
        }
        finalized = true;
    }

    /**
     * Turns every run into one entry per sequence (its members leave the cohort, scheduled as they
     * were), so that a sequence in a run can be taken out of the plan or visited on its own.
     */
    void explode() {
        if (runs == 0) return;
        RunningList running = replica.runningList();
        Sequence[] oldSeqs = Arrays.copyOf(seqs, entries);
        int[] oldNew = Arrays.copyOf(newTokens, entries);
        int[] oldContext = Arrays.copyOf(context, entries);
        boolean[] oldPrefill = Arrays.copyOf(prefill, entries);
        boolean[] oldEmits = Arrays.copyOf(emits, entries);
        long[] oldFirst = Arrays.copyOf(runFirst, entries);
        long[] oldLast = Arrays.copyOf(runLast, entries);
        int n = entries;
        entries = runs = covered = 0;
        for (int e = 0; e < n; e++) {
            if (oldSeqs[e] != null) {
                put(oldSeqs[e], oldNew[e], oldContext[e], oldPrefill[e], oldEmits[e]);
                continue;
            }
            for (int p = running.position(oldFirst[e]), last = running.position(oldLast[e]); p <= last; p++) {
                Sequence s = running.get(p);
                replica.leaveCohort(s, true);
                put(s, 1, s.computed, false, true);
                if (!finalized) {
                    attentionPairs += pairs(1, s.computed);
                    kvTokensTouched += s.computed + 1;
                }
            }
        }
        flat = false;
    }

    private void put(Sequence s, int n, int ctx, boolean isPrefill, boolean emitsToken) {
        if (entries == seqs.length) grow();
        int e = entries++;
        seqs[e] = s;
        newTokens[e] = n;
        context[e] = ctx;
        prefill[e] = isPrefill;
        emits[e] = emitsToken;
        s.planEpoch = epoch;
        s.planSlot = e;
    }

    @Override
    public int prefill(SequenceView view, int maxTokens, boolean allowPartial) {
        Sequence s = (Sequence) view;
        if (!leaveCohort(s)) return 0;
        if (isScheduled(s) || s.state == Sequence.State.FINISHED || s.state == Sequence.State.REJECTED) return 0;
        boolean admitting = s.state == Sequence.State.WAITING;
        int budget = Math.min(maxTokens, tokenBudget);
        if ((admitting && seqBudget <= 0) || budget <= 0) return 0;
        if (admitting && !replica.loraAdmits(s)) return 0;
        int total = s.promptTokens + s.generated;
        int hits = admitting ? lookupPrefix(s, total, budget) : 0;
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
        if (reloads > 0) load(s, hits, reloads);
        for (int i = reloads; i < newBlocks; i++) s.addBlock(kv.allocate());
        if (admitting) admit(s, total, hits + reloads);
        boolean wasPrefill = s.isPrefilling();
        s.computed = computedAfterHits;
        add(s, n, wasPrefill, computedAfterHits + n == total);
        return n;
    }

    /**
     * Copies the sequence's {@code count} blocks after its {@code gpuHits} GPU hits up from the tiers the lookup
     * found them in, into fresh GPU blocks: per block its copy time, per tier touched its latency once; counted by
     * tier. The load is added to the iteration, or overlaps it when the tiers say so.
     */
    private void load(Sequence s, int gpuHits, int count) {
        long nanos = 0;
        int cpu = 0, disk = 0;
        for (int i = 0; i < count; i++) {
            int b = kv.allocate();
            s.addBlock(b);
            CacheTier t = tierScratch[i];
            nanos += kv.reload(b, PrefixKeys.key(s.request(), gpuHits + i, kv.blockSizeTokens()), t);
            if (t == CacheTier.CPU) cpu++;
            else disk++;
        }
        OffloadTiers tiers = kv.tiers();
        if (cpu > 0) nanos += tiers.latencyNanos(CacheTier.CPU);
        if (disk > 0) nanos += tiers.latencyNanos(CacheTier.DISK);
        long tokens = kv.blockSizeTokens();
        s.cachedTokensCpu += (int) (cpu * tokens);
        s.cachedTokensDisk += (int) (disk * tokens);
        hitTokensCpu += cpu * tokens;
        hitTokensDisk += disk * tokens;
        if (tiers.overlap()) overlappedLoadNanos += nanos;
        else transferNanos += nanos;
    }

    private void admit(Sequence s, int total, int hits) {
        s.state = Sequence.State.RUNNING;
        if (s.firstScheduledNanos < 0) s.firstScheduledNanos = now;
        seqBudget--;
        admitted.add(s);
        transferNanos += replica.loraAcquire(s);
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
     * compute; {@link #cpuHits} is set to how many blocks after those the lower tiers can load ({@link #tierScratch}:
     * from which).
     */
    private int lookupPrefix(Sequence s, int totalTokens, int budget) {
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
        if (kv.tiers() == null || !roomWithoutLoads(s, totalTokens, hits, budget)) return hits;
        if (tierScratch.length < max) tierScratch = new CacheTier[Math.max(max, tierScratch.length * 2)];
        CacheTier t;
        while (hits + cpuHits < max && (t = kv.lowerTierOf(PrefixKeys.key(s.request(), hits + cpuHits, b))) != null) {
            tierScratch[cpuHits++] = t;
        }
        return hits;
    }

    /**
     * Whether the GPU has the blocks to admit the sequence with its {@code hits} GPU hits and no loads: blocks loaded
     * from lower tiers need fresh GPU blocks too, so without room for this the admission fails whatever the tiers
     * hold, and {@link #prefill} need not walk them (the same checks as there, at zero loads).
     */
    private boolean roomWithoutLoads(Sequence s, int total, int hits, int budget) {
        int hitCandidates = 0;
        for (int i = 0; i < hits; i++) if (!kv.isReferenced(hitScratch[i])) hitCandidates++;
        int after = s.computed + hits * kv.blockSizeTokens();
        int newBlocks = blocksFor(after + Math.min(total - after, budget)) - s.blockCount - hits;
        if (newBlocks + hitCandidates > kv.availableBlocks()) return false;
        return kv.watermarkBlocks() == 0
                || blocksFor(total) - s.blockCount - hits + hitCandidates + kv.watermarkBlocks() <= kv.availableBlocks();
    }

    @Override
    public void preempt(SequenceView view) {
        Sequence s = (Sequence) view;
        takeOutOfCohort(s);
        if (s.state != Sequence.State.RUNNING) return;
        evict(s);
        s.markPreempted(now);
    }

    @Override
    public void swapOut(SequenceView view, long transferNanos) {
        Sequence s = (Sequence) view;
        takeOutOfCohort(s);
        if (s.state != Sequence.State.RUNNING) return;
        evict(s);
        s.markSwappedOut(now, Math.max(0, transferNanos));
        this.transferNanos += Math.max(0, transferNanos);
    }

    /** A cohort member about to be preempted leaves the cohort (a run covering it becomes entries first). */
    private void takeOutOfCohort(Sequence s) {
        if (s.cohort == null) return;
        if (inRun(s.runKey)) explode();
        else replica.leaveCohort(s, true);
    }

    /** Takes a running sequence off the GPU: out of this plan, its blocks released, back to waiting. */
    private void evict(Sequence s) {
        if (isScheduled(s)) unschedule(s);
        for (int i = s.blockCount - 1; i >= 0; i--) kv.release(s.blockAt(i), now);
        s.blockCount = 0;
        s.state = Sequence.State.WAITING;
        replica.loraRelease(s);
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
        if (!prefill[i] && newTokens[i] > 1) {
            verifying--;
            verifyingContext -= context[i];
            proposed -= newTokens[i] - 1;
        }
        int tail = entries - i - 1;
        System.arraycopy(seqs, i + 1, seqs, i, tail);
        System.arraycopy(newTokens, i + 1, newTokens, i, tail);
        System.arraycopy(context, i + 1, context, i, tail);
        System.arraycopy(prefill, i + 1, prefill, i, tail);
        System.arraycopy(emits, i + 1, emits, i, tail);
        System.arraycopy(runFirst, i + 1, runFirst, i, tail);
        System.arraycopy(runLast, i + 1, runLast, i, tail);
        System.arraycopy(runCount, i + 1, runCount, i, tail);
        size--;
        entries--;
        for (int j = i; j < entries; j++) if (seqs[j] != null) seqs[j].planSlot = j;
        seqs[entries] = null;
        s.planEpoch = -1;
        flat = false;
    }

    private void add(Sequence s, int n, boolean isPrefill, boolean emitsToken) {
        put(s, n, s.computed, isPrefill, emitsToken);
        size++;
        tokenBudget -= n;
        if (isPrefill) prefillTokens += n;
        else decodeTokens += n;
        attentionPairs += pairs(n, s.computed);
        kvTokensTouched += s.computed + n;
        if (emitsToken) emitting++;
        if (!isPrefill && n > 1) {
            verifying++;
            verifyingContext += s.computed;
            proposed += n - 1;
        }
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
        runFirst = Arrays.copyOf(runFirst, n);
        runLast = Arrays.copyOf(runLast, n);
        runCount = Arrays.copyOf(runCount, n);
    }

    /** Whether the cohort sits this iteration out (it has members, none of them decodes). */
    boolean cohortPaused() {
        return paused;
    }

    /** Entries of the plan: sequences scheduled one by one and runs. */
    int entries() {
        return entries;
    }

    /** The sequence of entry {@code e}, or null when the entry is a run. */
    Sequence entrySeq(int e) {
        return seqs[e];
    }

    int entryNewTokens(int e) {
        return newTokens[e];
    }

    boolean entryEmits(int e) {
        return emits[e];
    }

    /** Whether entry {@code e} is a speculative verify step (a decode of more than one token). */
    boolean entryVerifies(int e) {
        return !prefill[e] && newTokens[e] > 1;
    }

    long runFirstKey(int e) {
        return runFirst[e];
    }

    long runLastKey(int e) {
        return runLast[e];
    }

    int runCount(int e) {
        return runCount[e];
    }

    void clearSlots() {
        Arrays.fill(seqs, 0, entries, null);
        if (flatEntries > 0) Arrays.fill(flatSeqs, 0, flatEntries, null);
        flatEntries = 0;
    }

    @Override
    public int size() {
        return size;
    }

    /**
     * Entry {@code i} of the flat view (one per sequence): with no runs the entries themselves; otherwise
     * built on first use from the runs' members (their lazy counts are exact until the iteration ends).
     */
    private int flatIndex(int i) {
        if (runs == 0) return i;
        if (!flat) buildFlat();
        return i;
    }

    private void buildFlat() {
        if (flatSeqs.length < size) {
            flatSeqs = new Sequence[Math.max(size, flatSeqs.length * 2)];
            flatEntry = new int[flatSeqs.length];
        }
        RunningList running = replica.runningList();
        int k = 0;
        for (int e = 0; e < entries; e++) {
            if (seqs[e] != null) {
                flatSeqs[k] = seqs[e];
                flatEntry[k++] = e;
                continue;
            }
            for (int p = running.position(runFirst[e]), last = running.position(runLast[e]); p <= last; p++) {
                flatSeqs[k] = running.get(p);
                flatEntry[k++] = -1;
            }
        }
        flatEntries = k;
        flat = true;
    }

    @Override
    public SequenceView sequence(int i) {
        int k = flatIndex(i);
        return runs == 0 ? seqs[k] : flatSeqs[k];
    }

    @Override
    public int newTokens(int i) {
        int k = flatIndex(i);
        if (runs == 0) return newTokens[k];
        int e = flatEntry[k];
        return e < 0 ? 1 : newTokens[e];
    }

    @Override
    public int contextTokens(int i) {
        int k = flatIndex(i);
        if (runs == 0) return context[k];
        int e = flatEntry[k];
        return e < 0 ? flatSeqs[k].computedTokens() : context[e];
    }

    @Override
    public boolean isPrefill(int i) {
        int k = flatIndex(i);
        if (runs == 0) return prefill[k];
        int e = flatEntry[k];
        return e >= 0 && prefill[e];
    }

    @Override
    public boolean emitsToken(int i) {
        int k = flatIndex(i);
        if (runs == 0) return emits[k];
        int e = flatEntry[k];
        return e < 0 || emits[e];
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
    public int verifyingSequences() {
        return verifying;
    }

    @Override
    public long verifyingContextTokens() {
        return verifyingContext;
    }

    @Override
    public int proposedTokens() {
        return proposed;
    }

    /** Sets the batch's LoRA counts (the replica computes them before the executor times the batch). */
    void loraBatch(int adapters, long tokens) {
        loraAdapters = adapters;
        loraTokens = tokens;
    }

    @Override
    public int loraAdapters() {
        return loraAdapters;
    }

    @Override
    public long loraTokens() {
        return loraTokens;
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
