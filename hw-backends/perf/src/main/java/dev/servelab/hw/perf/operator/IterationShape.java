package dev.servelab.hw.perf.operator;

/**
 * The batch of one iteration: {@code prefillCount} prefill chunks (chunk {@code i} processes
 * {@code prefillTokens[i]} new tokens after {@code prefillContext[i]} tokens already in the KV
 * cache, and emits a token when {@code prefillEmits[i]}, i.e. when it is the prompt's last
 * chunk) and {@code decodeCount} decode sequences (one new token each, attending to
 * {@code decodeContext[i]} cached tokens; every decode sequence emits a token). Arrays may be
 * longer than the counts, so a caller can reuse them across iterations.
 */
public record IterationShape(
        int prefillCount, int[] prefillTokens, int[] prefillContext, boolean[] prefillEmits,
        int decodeCount, int[] decodeContext) {

    public IterationShape {
        if (prefillCount < 0 || decodeCount < 0 || prefillTokens.length < prefillCount
                || prefillContext.length < prefillCount || prefillEmits.length < prefillCount
                || decodeContext.length < decodeCount) {
            throw new IllegalArgumentException("iteration shape: counts exceed array lengths");
        }
    }

    private static final int[] NO_INTS = new int[0];
    private static final boolean[] NO_FLAGS = new boolean[0];

    /** A batch of decode sequences only. */
    public static IterationShape decode(int... contexts) {
        return new IterationShape(0, NO_INTS, NO_INTS, NO_FLAGS, contexts.length, contexts);
    }

    /** One whole prompt of {@code tokens} tokens, prefilled in one chunk (emits its first token). */
    public static IterationShape prefill(int tokens) {
        return new IterationShape(1, new int[] {tokens}, new int[] {0}, new boolean[] {true}, 0, NO_INTS);
    }

    /** {@code batch} decode sequences, all at context {@code context}. */
    public static IterationShape uniformDecode(int batch, int context) {
        int[] c = new int[batch];
        java.util.Arrays.fill(c, context);
        return decode(c);
    }

    /** Total tokens processed: all prefill chunk tokens plus one per decode sequence. */
    public long totalTokens() {
        long t = decodeCount;
        for (int i = 0; i < prefillCount; i++) {
            t += prefillTokens[i];
        }
        return t;
    }

    /** Sequences that emit a token in this iteration. */
    public int emittingSequences() {
        int e = decodeCount;
        for (int i = 0; i < prefillCount; i++) {
            e += prefillEmits[i] ? 1 : 0;
        }
        return e;
    }
}
