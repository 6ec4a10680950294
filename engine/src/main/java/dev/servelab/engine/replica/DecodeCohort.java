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
 * {@code 2^k > block_size} buckets. A bucket is an array of members with their running-list keys next
 * to them (a member knows its slot: O(1) in and out), so taking the due bucket out and sorting it
 * into running-list order ({@link #takeDue}) reads two arrays and touches no member; the plan then
 * reads the due members one after another from an array, whose memory loads overlap, where a list
 * linked through the members made each wait for the previous one. The plan allocates their blocks,
 * the replica finishes those that complete and puts the others back ({@link #rescheduleDue}).
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
    /** Bucket {@code b}: members {@code wheel[b][0 .. wheelCount[b])} and their running-list keys. */
    private final Sequence[][] wheel;
    private final long[][] wheelKeys;
    private final int[] wheelCount;
    private final int mask;
    private final int blockSizeTokens;
    /** Members whose event is the current step, in running-list order (valid from {@link #takeDue}). */
    Sequence[] due = new Sequence[16];
    /** The running-list keys of {@link #due}, ascending. */
    long[] dueKeys = new long[16];
    int dueCount;
    /** The step whose bucket is in {@link #due} (its members are off the wheel), or -1. */
    private long dueStep = -1;

    DecodeCohort(int blockSizeTokens) {
        this.blockSizeTokens = blockSizeTokens;
        int buckets = Integer.highestOneBit(Math.max(1, blockSizeTokens)) << 1;
        this.wheel = new Sequence[buckets][8];
        this.wheelKeys = new long[buckets][8];
        this.wheelCount = new int[buckets];
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
        if (s.eventStep != dueStep) unlink(s);
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
        int n = wheelCount[b];
        if (n > due.length) {
            due = new Sequence[Math.max(n, due.length * 2)];
            dueKeys = new long[due.length];
        }
        Sequence[] members = wheel[b];
        long[] keys = wheelKeys[b];
        System.arraycopy(members, 0, due, 0, n);
        System.arraycopy(keys, 0, dueKeys, 0, n);
        java.util.Arrays.fill(members, 0, n, null);
        wheelCount[b] = 0;
        dueCount = n;
        dueStep = steps;
        for (int i = 1; i < n; i++) {
            Sequence s = due[i];
            long k = dueKeys[i];
            int j = i - 1;
            while (j >= 0 && dueKeys[j] > k) {
                due[j + 1] = due[j];
                dueKeys[j + 1] = dueKeys[j];
                j--;
            }
            due[j + 1] = s;
            dueKeys[j + 1] = k;
        }
    }

    /**
     * Due member {@code due[d]} decodes in the current step (a run covers it, its block is allocated) and
     * does not complete: its next event goes on the calendar now — the one {@link #schedule} would find
     * after the step — and it leaves {@link #due}, so nothing visits it again this iteration (between
     * planning and the iteration's end, the other replicas' work evicts it from the CPU caches).
     */
    void rescheduleDecoding(int d) {
        Sequence s = due[d];
        long next = steps + 1;
        long lag = next - s.steadyBase;
        long block = next + (long) s.blockCount * blockSizeTokens - (s.computed + lag);
        long last = next + s.outputTokens - (s.generated + lag) - 1;
        s.eventStep = Math.min(block, last);
        link(s, (int) (s.eventStep & mask));
        due[d] = null;
    }

    /** After the iteration: the due members still in {@link #due} and in the cohort go back on the calendar. */
    void rescheduleDue() {
        for (int d = 0; d < dueCount; d++) {
            Sequence s = due[d];
            if (s != null && s.cohort == this) schedule(s);
            due[d] = null;
        }
        dueCount = 0;
        dueStep = -1;
    }

    /** Forgets the due members (a crash: every member has left). */
    void clearDue() {
        java.util.Arrays.fill(due, 0, dueCount, null);
        dueCount = 0;
        dueStep = -1;
    }

    /** Whether member {@code s} emits its last token in the current step. */
    boolean completesNow(Sequence s) {
        return s.generated + (steps - s.steadyBase) + 1 >= s.outputTokens;
    }

    private void link(Sequence s, int bucket) {
        int n = wheelCount[bucket];
        if (n == wheel[bucket].length) {
            wheel[bucket] = java.util.Arrays.copyOf(wheel[bucket], n * 2);
            wheelKeys[bucket] = java.util.Arrays.copyOf(wheelKeys[bucket], n * 2);
        }
        wheel[bucket][n] = s;
        wheelKeys[bucket][n] = s.runKey;
        s.wheelSlot = n;
        wheelCount[bucket] = n + 1;
    }

    /** Takes {@code s} out of its bucket; the bucket's last member moves into its slot. */
    private void unlink(Sequence s) {
        int b = (int) (s.eventStep & mask);
        int slot = s.wheelSlot;
        int last = --wheelCount[b];
        Sequence[] members = wheel[b];
        if (slot != last) {
            Sequence moved = members[last];
            members[slot] = moved;
            wheelKeys[b][slot] = wheelKeys[b][last];
            moved.wheelSlot = slot;
        }
        members[last] = null;
    }
}
