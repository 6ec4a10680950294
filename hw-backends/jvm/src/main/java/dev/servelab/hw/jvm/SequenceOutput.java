package dev.servelab.hw.jvm;

/** The logits after a sequence's last token of the iteration, and the greedy (argmax) next token. */
public record SequenceOutput(long sequenceId, float[] logits, int greedyToken) {
}
