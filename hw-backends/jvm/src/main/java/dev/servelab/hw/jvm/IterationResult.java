package dev.servelab.hw.jvm;

import java.util.List;

/** Outputs in the iteration's sequence order, and the forward pass's wall time. */
public record IterationResult(List<SequenceOutput> outputs, long elapsedNanos) {
    public IterationResult {
        outputs = List.copyOf(outputs);
    }

    /** The greedy next token of each sequence, in order. */
    public int[] greedyTokens() {
        return outputs.stream().mapToInt(SequenceOutput::greedyToken).toArray();
    }
}
