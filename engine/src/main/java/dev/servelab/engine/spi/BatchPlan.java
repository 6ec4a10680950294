package dev.servelab.engine.spi;

/**
 * The batch a scheduler is composing for one iteration. The engine does the mechanics (KV
 * allocation, prefix-cache lookups, preemption); the scheduler only decides. Budgets shrink as the
 * plan fills: {@link #tokenBudget()} counts {@code max_num_batched_tokens}, {@link #seqBudget()}
 * counts {@code max_num_seqs} over running plus newly admitted sequences.
 */
public interface BatchPlan {
    int tokenBudget();

    int seqBudget();

    /**
     * Schedules one decode token for a running, decoding sequence, allocating a block if it needs one.
     * Returns false, changing nothing, when no block is available (the scheduler may then preempt).
     */
    boolean decode(SequenceView sequence);

    /**
     * Schedules up to {@code maxTokens} of a sequence's uncomputed tokens (a waiting sequence is
     * admitted: its prompt is looked up in the prefix cache first). With {@code allowPartial} false,
     * schedules all of them or nothing. Returns the tokens scheduled, 0 when budget or KV blocks
     * do not allow it (nothing changed then).
     */
    int prefill(SequenceView sequence, int maxTokens, boolean allowPartial);

    /**
     * Preempts a running sequence by recompute (vLLM's default): its blocks are freed, its computed
     * tokens dropped, and it goes back to the front of the waiting queue. A sequence already
     * scheduled in this plan is taken out of it.
     */
    void preempt(SequenceView sequence);

    /**
     * Preempts a running sequence by swapping its KV blocks out to the replica's CPU tier: its GPU
     * blocks are freed but its computed tokens are kept, and it goes back to the front of the
     * waiting queue. Copying out takes {@code transferNanos}, added to this iteration's duration;
     * when the sequence is admitted again its blocks are copied back in, taking as long again, added
     * to that iteration. The CPU tier's capacity is not limited. The default preempts by recompute.
     */
    default void swapOut(SequenceView sequence, long transferNanos) {
        preempt(sequence);
    }

    boolean isScheduled(SequenceView sequence);

    /**
     * Schedules one decode token for each of {@code running.get(from) .. running.get(to - 1)} in order,
     * stopping at the first that is prefilling or whose {@link #decode} fails (budget or KV blocks);
     * returns that index, or {@code to} when all were scheduled. Exactly equivalent to calling
     * {@code decode} in a loop; on the replica's own {@code running()} list the engine's plan does it
     * without visiting the steady decoders at all (only those due for a KV block), which is what keeps
     * large batches cheap to simulate. A scheduler that calls {@code decode} per sequence instead gets
     * the same results at O(batch) per iteration (see docs/decisions/0006).
     */
    default int decodeRun(java.util.List<? extends SequenceView> running, int from, int to) {
        int i = from;
        while (i < to) {
            SequenceView s = running.get(i);
            if (s.isPrefilling() || !decode(s)) break;
            i++;
        }
        return i;
    }

    /**
     * Index of the first of {@code running.get(from) ..} that {@link SequenceView#isPrefilling is prefilling},
     * or {@code running.size()} when none is. Exactly equivalent to testing each in turn; on the replica's
     * own {@code running()} list the engine's plan skips its steady decoders without visiting them (they
     * never prefill), so a pass over the prefilling sequences costs O(those), not O(batch).
     */
    default int nextPrefilling(java.util.List<? extends SequenceView> running, int from) {
        int i = from;
        while (i < running.size() && !running.get(i).isPrefilling()) i++;
        return i;
    }

    /** Sequences scheduled so far. */
    int size();
}
