package dev.servelab.engine.spi;

/**
 * One iteration's batch as the executor sees it: entry {@code i} runs {@code newTokens(i)} tokens of
 * a sequence that already has {@code contextTokens(i)} tokens in the KV cache.
 */
public interface IterationBatch {
    int size();

    SequenceView sequence(int i);

    int newTokens(int i);

    int contextTokens(int i);

    boolean isPrefill(int i);

    /** Whether entry {@code i} emits a token at the end of this iteration (needs the LM head). */
    boolean emitsToken(int i);

    int prefillTokens();

    int decodeTokens();

    /**
     * Causal-attention (query, key) pairs of the whole batch: for each entry with {@code m} new tokens
     * after {@code c} context tokens, {@code m·c + m·(m+1)/2}. Attention FLOPs are proportional to it.
     */
    long attentionPairs();

    /** KV entries the batch reads or writes: the sum of {@code context + new tokens} over entries. */
    long kvTokensTouched();

    /** Entries that emit a token this iteration (they need the LM head and sampling). */
    int emittingSequences();

    /** Which replica and at what time the iteration starts. */
    int replicaIndex();

    long startNanos();
}
