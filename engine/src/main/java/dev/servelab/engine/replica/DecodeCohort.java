package dev.servelab.engine.replica;

/**
 * The steady decoders of one replica, kept in aggregate so that an iteration costs O(changes), not
 * O(batch size). A running sequence joins once it decodes one token per iteration with nothing to
 * record per token (not sampled, its prompt's prefix blocks published, no stop requested); from then
 * on it is not visited while it decodes. Its token counts are its fields plus the iterations the
 * cohort has decoded since it joined ({@link #steps} minus {@link Sequence#steadyBase}), so reading
 * them through the sequence's accessors is always exact.
 *
 * <p>Each member has one event on a calendar — the next iteration at which it needs a new KV block,
 * or emits its last token, whichever comes first. A block is needed every {@code block_size} tokens,
 * so every event lies at most {@code block_size} iterations ahead, and the calendar is a wheel of
 * {@code 2^k > block_size} buckets (doubly linked through the sequences, O(1) in and out). At the start
 * of an iteration the due bucket is taken out, in running-list order ({@link #due}); the plan allocates
 * their blocks, the replica finishes those that complete and puts the others back.
 *
 * <p>The invariant the replica keeps: every member decodes in every iteration ({@link #tick} counts
 * one). A member that a scheduler handles one by one (decode, prefill, preempt), or that a pass leaves
 * out, {@link #leave leaves} first, with its counts made concrete.
 */
final class DecodeCohort {
    /** Iterations the cohort has decoded: the clock its members' lazy counts are measured against. */
    long steps;
    /** End time of the last iteration: every member's last token time. */
    long lastEndNanos;
    private int size;
    /** Sum over members of {@code computed - steadyBase}; with {@link #steps}, the members' context sum. */
    private long baseSum;
    private final Sequence[] wheel;
    private final int mask;
    private final int blockSizeTokens;
    /** Members whose event is the current step, in running-list order (valid from {@link #takeDue}). */
    Sequence[] due = new Sequence[16];
    int dueCount;

    DecodeCohort(int blockSizeTokens) {
        this.blockSizeTokens = blockSizeTokens;
        int buckets = Integer.highestOneBit(Math.max(1, blockSizeTokens)) << 1;
        this.wheel = new Sequence[buckets];
        this.mask = buckets - 1;
    }

    int size() {
        return size;
    }

    /** Sum of the members' computed tokens now. */
    long computedSum() {
        return baseSum + size * steps;
    }

    /** {@code s}, running and decoding, joins at the current step; its next event goes on the calendar. */
    void join(Sequence s) {
        s.cohort = this;
        s.steadyBase = steps;
        size++;
        baseSum += s.computed - steps;
        schedule(s);
    }

    /** {@code s} leaves with its counts made concrete (its last token at {@link #lastEndNanos} if it decoded since it joined). */
    void leave(Sequence s) {
        long lag = steps - s.steadyBase;
        baseSum -= s.computed - s.steadyBase;
        size--;
        s.computed += (int) lag;
        s.generated += (int) lag;
        if (lag > 0) s.lastTokenNanos = lastEndNanos;
        s.cohort = null;
        if (s.wheelBucket >= 0) unlink(s);
    }

    /** Every member decoded one token in the iteration that ended at {@code endNanos}. */
    void tick(long endNanos) {
        steps++;
        lastEndNanos = endNanos;
    }

    /** Puts a member's next event (block boundary or last token) on the calendar. */
    void schedule(Sequence s) {
        long lag = steps - s.steadyBase;
        long computed = s.computed + lag;
        long generated = s.generated + lag;
        long block = steps + (long) s.blockCount * blockSizeTokens - computed;
        long last = steps + s.outputTokens - generated - 1;
        s.eventStep = Math.min(block, last);
        link(s, (int) (s.eventStep & mask));
    }

    /** Takes the members whose event is the current step off the calendar into {@link #due}, in running-list order. */
    void takeDue() {
        int b = (int) (steps & mask);
        dueCount = 0;
        for (Sequence s = wheel[b]; s != null; s = s.wheelNext) {
            if (dueCount == due.length) due = java.util.Arrays.copyOf(due, dueCount * 2);
            due[dueCount++] = s;
            s.wheelBucket = -1;
        }
        wheel[b] = null;
        for (int i = 1; i < dueCount; i++) {
            Sequence s = due[i];
            int j = i - 1;
            while (j >= 0 && due[j].runKey > s.runKey) {
                due[j + 1] = due[j];
                j--;
            }
            due[j + 1] = s;
        }
    }

    /** Whether member {@code s} emits its last token in the current step. */
    boolean completesNow(Sequence s) {
        return s.generated + (steps - s.steadyBase) + 1 >= s.outputTokens;
    }

    private void link(Sequence s, int bucket) {
        Sequence head = wheel[bucket];
        s.wheelPrev = null;
        s.wheelNext = head;
        if (head != null) head.wheelPrev = s;
        wheel[bucket] = s;
        s.wheelBucket = bucket;
    }

    private void unlink(Sequence s) {
        if (s.wheelPrev != null) s.wheelPrev.wheelNext = s.wheelNext;
        else wheel[s.wheelBucket] = s.wheelNext;
        if (s.wheelNext != null) s.wheelNext.wheelPrev = s.wheelPrev;
        s.wheelPrev = s.wheelNext = null;
        s.wheelBucket = -1;
    }
}
