package dev.servelab.hw.jvm;

/**
 * The logits after a sequence's last token of the iteration, the greedy (argmax) next token, and the
 * greedy choice after each of its tokens ({@code rowTokens}: only that one unless the chunk asked for
 * all logits).
 */
public record SequenceOutput(long sequenceId, float[] logits, int greedyToken, int[] rowTokens) {
    public SequenceOutput(long sequenceId, float[] logits, int greedyToken) {
        this(sequenceId, logits, greedyToken, new int[] {greedyToken});
    }
}
