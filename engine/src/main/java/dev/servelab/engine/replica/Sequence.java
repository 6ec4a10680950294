package dev.servelab.engine.replica;

import dev.servelab.engine.observe.LongList;
import dev.servelab.engine.model.Request;
import dev.servelab.engine.observe.SequenceRecord;

/**
 * The engine's mutable state for one request inside a replica: token progress, its block table,
 * and the timestamps the metrics and the run store need. Per-token timestamps are kept only for
 * sampled sequences ({@link #tokenTimes()} is null otherwise).
 */
public final class Sequence implements SequenceRecord {
    /** Where the sequence is; drives the replica's queue bookkeeping. */
    public enum State { WAITING, RUNNING, FINISHED, REJECTED, HANDED_OFF, FAILED }

    private final Request request;
    private final int replica;
    State state = State.WAITING;
    int generated;
    int computed;
    int cachedTokens;
    int preemptions;
    final int promptTokens;
    final int outputTokens;
    private int[] blockTable = NO_BLOCKS;
    int blockCount;
    /** Leading prompt blocks that have a prefix-cache key in this replica (0 without prefix caching). */
    int keyableBlocks;
    int publishedBlocks;
    /** Set when a live source asked to end the request early (end of sequence, client gone). */
    boolean stopRequested;
    long planEpoch = -1;
    int planSlot;
    long firstScheduledNanos = -1;
    long firstTokenNanos = -1;
    long lastTokenNanos = -1;
    long finishNanos = -1;
    int totalCachedTokens;
    /** Of {@link #totalCachedTokens}, those loaded from the CPU and the disk tier. */
    int cachedTokensCpu;
    int cachedTokensDisk;
    long swapInNanos = -1;
    /** Position key in the replica's running list (increasing in admission order). */
    long runKey;
    /**
     * The replica's steady decoders while this sequence is one of them (null otherwise): then
     * {@link #computed}, {@link #generated} and {@link #lastTokenNanos} are as of step
     * {@link #steadyBase} of the cohort, and the accessors add the steps decoded since.
     */
    DecodeCohort cohort;
    long steadyBase;
    /** The cohort step of this member's next event (block boundary or last token), and its slot in that calendar bucket. */
    long eventStep;
    int wheelSlot;
    private final LongList tokenTimes;
    private final LongList preemptionTimes;

    private static final int[] NO_BLOCKS = new int[0];

    public Sequence(Request request, int replica, boolean sampled) {
        this.request = request;
        this.promptTokens = request.promptTokens();
        this.outputTokens = request.outputTokens();
        this.replica = replica;
        this.tokenTimes = sampled ? new LongList(Math.min(request.outputTokens(), 4096)) : null;
        this.preemptionTimes = sampled ? new LongList(2) : null;
    }

    private Sequence(Sequence from, int replica) {
        this.request = from.request;
        this.promptTokens = from.promptTokens;
        this.outputTokens = from.outputTokens;
        this.replica = replica;
        this.tokenTimes = from.tokenTimes;
        this.preemptionTimes = from.preemptionTimes;
        generated = from.generated;
        computed = from.computed;
        cachedTokens = from.cachedTokens;
        totalCachedTokens = from.totalCachedTokens;
        cachedTokensCpu = from.cachedTokensCpu;
        cachedTokensDisk = from.cachedTokensDisk;
        preemptions = from.preemptions;
        firstScheduledNanos = from.firstScheduledNanos;
        firstTokenNanos = from.firstTokenNanos;
        lastTokenNanos = from.lastTokenNanos;
    }

    /**
     * The same request continuing on another replica with its computed tokens (its KV cache was
     * transferred there): waiting, holding no blocks yet, token history kept.
     */
    public Sequence handedOffTo(int newReplica) {
        return new Sequence(this, newReplica);
    }

    @Override
    public Request request() {
        return request;
    }

    /** Steps decoded in the cohort since this sequence joined it (0 outside it). */
    private int lag() {
        DecodeCohort c = cohort;
        return c == null ? 0 : (int) (c.steps - steadyBase);
    }

    @Override
    public int generatedTokens() {
        return generated + lag();
    }

    @Override
    public int computedTokens() {
        return computed + lag();
    }

    @Override
    public int cachedTokens() {
        return cachedTokens;
    }

    @Override
    public int preemptions() {
        return preemptions;
    }

    @Override
    public int blocksHeld() {
        return blockCount;
    }

    @Override
    public int uncomputedTokens() {
        return promptTokens + generated - computed;
    }

    @Override
    public boolean isPrefilling() {
        return cohort == null && (generated == 0 || promptTokens + generated - computed > 1);
    }

    /** Sizes the block table for the whole request once its replica's block size is known. */
    void reserveBlocks(int blocks) {
        if (blockTable.length < blocks) blockTable = java.util.Arrays.copyOf(blockTable, blocks);
    }

    void addBlock(int block) {
        if (blockCount == blockTable.length) blockTable = java.util.Arrays.copyOf(blockTable, Math.max(8, blockCount * 2));
        blockTable[blockCount++] = block;
    }

    int blockAt(int i) {
        return blockTable[i];
    }

    @Override
    public int[] blockTable() {
        return java.util.Arrays.copyOf(blockTable, blockCount);
    }

    public State state() {
        return state;
    }

    public int replica() {
        return replica;
    }

    public long firstScheduledNanos() {
        return firstScheduledNanos;
    }

    public long firstTokenNanos() {
        return firstTokenNanos;
    }

    public long lastTokenNanos() {
        return lag() > 0 ? cohort.lastEndNanos : lastTokenNanos;
    }

    public long finishNanos() {
        return finishNanos;
    }

    /** Prompt tokens served from the prefix cache, summed over every (re)admission. */
    public int totalCachedTokens() {
        return totalCachedTokens;
    }

    @Override
    public int cachedTokensCpu() {
        return cachedTokensCpu;
    }

    @Override
    public int cachedTokensDisk() {
        return cachedTokensDisk;
    }

    /** Emission time of every token, for sampled sequences; null otherwise. */
    public LongList tokenTimes() {
        return tokenTimes;
    }

    /** Times this sequence was preempted, for sampled sequences; null otherwise. */
    public LongList preemptionTimes() {
        return preemptionTimes;
    }

    public boolean isSampled() {
        return tokenTimes != null;
    }

    void emitToken(long nowNanos) {
        generated++;
        if (firstTokenNanos < 0) firstTokenNanos = nowNanos;
        lastTokenNanos = nowNanos;
        if (tokenTimes != null) tokenTimes.add(nowNanos);
    }

    /** Emits {@code n} tokens at once (a speculative verify step's accepted tokens plus the bonus token). */
    void emitTokens(int n, long nowNanos) {
        generated += n;
        if (firstTokenNanos < 0) firstTokenNanos = nowNanos;
        lastTokenNanos = nowNanos;
        if (tokenTimes != null) for (int i = 0; i < n; i++) tokenTimes.add(nowNanos);
    }

    boolean isComplete() {
        return generated >= outputTokens || stopRequested;
    }

    void markPreempted(long nowNanos) {
        preemptions++;
        computed = 0;
        cachedTokens = 0;
        publishedBlocks = 0;
        if (preemptionTimes != null) preemptionTimes.add(nowNanos);
    }

    /** Preempted by swapping out: keeps its computed tokens; copying them back in takes {@code transferNanos}. */
    void markSwappedOut(long nowNanos, long transferNanos) {
        preemptions++;
        publishedBlocks = 0;
        swapInNanos = transferNanos;
        if (preemptionTimes != null) preemptionTimes.add(nowNanos);
    }

    /** Whether the sequence's KV is in the CPU tier, waiting to be swapped back in. */
    public boolean isSwappedOut() {
        return swapInNanos >= 0;
    }
}
