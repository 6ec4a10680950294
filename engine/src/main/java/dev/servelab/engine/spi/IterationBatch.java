package dev.servelab.engine.spi;

/**
 * One iteration's batch as the executor sees it: entry {@code i} runs {@code newTokens(i)} tokens of
 * a sequence that already has {@code contextTokens(i)} tokens in the KV cache.
 *
 * <p>In a pool with speculative decoding a decode entry (not {@link #isPrefill}) may have
 * {@code newTokens(i) > 1}: it verifies {@code newTokens(i) - 1} proposed tokens after its last one,
 * the target's forward pass over all of them (the LM head on every position). The totals below count
 * those tokens; {@link #verifyingSequences()} and its companions say what the draft step must cost.
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

    /**
     * Decode entries that verify proposed tokens this iteration (each had k proposals drafted for it);
     * 0 outside speculative pools.
     */
    default int verifyingSequences() {
        return 0;
    }

    /** Sum of the context tokens of the {@link #verifyingSequences()} (what their draft steps attend to). */
    default long verifyingContextTokens() {
        return 0;
    }

    /**
     * Proposed tokens verified this iteration: the sum of {@code newTokens(i) - 1} over verifying
     * entries, i.e. the LM-head positions beyond one per emitting sequence.
     */
    default int proposedTokens() {
        return 0;
    }

    /**
     * Distinct LoRA adapters among the batch's sequences (each adds its A and B matrices to the bytes
     * read); 0 outside pools with {@code lora}. Never above the pool's {@code max_loras}.
     */
    default int loraAdapters() {
        return 0;
    }

    /** New tokens of the batch's sequences that run with a LoRA adapter (each pays the adapter's extra GEMMs). */
    default long loraTokens() {
        return 0;
    }

    /** Which replica and at what time the iteration starts. */
    int replicaIndex();

    long startNanos();
}
