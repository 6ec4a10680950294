package dev.servelab.hw.jvm;

/**
 * One sequence's share of an iteration: the tokens to process now (a prefill chunk, or one decode
 * token), the position of the first of them (the number of tokens already in the KV cache), and
 * the sequence's block table (physical block ids, covering at least every position up to the last
 * token processed now). Blocks of positions before {@code startPosition} must already hold their K/V.
 * With {@code allLogits} the iteration returns the greedy choice after every one of the tokens, not
 * just the last (a speculative verify step: the last emitted token and k proposed ones).
 */
public record SequenceChunk(long sequenceId, int[] tokenIds, int startPosition, int[] blockTable, boolean allLogits) {
    public SequenceChunk {
        tokenIds = tokenIds.clone();
        blockTable = blockTable.clone();
    }

    /** A chunk whose last token's logits are returned. */
    public SequenceChunk(long sequenceId, int[] tokenIds, int startPosition, int[] blockTable) {
        this(sequenceId, tokenIds, startPosition, blockTable, false);
    }
}
