package dev.servelab.engine.spi;

import dev.servelab.engine.model.Request;

/**
 * Read-only state of one request inside a replica. Token accounting follows vLLM: a sequence holds
 * {@code promptTokens + generatedTokens} tokens, of which {@code computedTokens} have KV entries; a
 * step that brings {@code computedTokens} up to that total emits the next token.
 */
public interface SequenceView {
    Request request();

    default long id() {
        return request().id();
    }

    int generatedTokens();

    int computedTokens();

    /** Tokens still to compute before the next token can be emitted (1 for a decoding sequence). */
    default int uncomputedTokens() {
        return request().promptTokens() + generatedTokens() - computedTokens();
    }

    /** True while the prompt (or, after a recompute preemption, prompt plus output so far) is being computed. */
    default boolean isPrefilling() {
        return generatedTokens() == 0 || uncomputedTokens() > 1;
    }

    /** Prompt tokens found in the prefix cache when this sequence was last admitted. */
    int cachedTokens();

    int preemptions();

    /** KV blocks this sequence currently holds. */
    int blocksHeld();

    /**
     * The physical KV block ids this sequence holds, in token order (its block table, a copy): a live
     * executor's paged attention reads and writes exactly these blocks.
     */
    int[] blockTable();
}
