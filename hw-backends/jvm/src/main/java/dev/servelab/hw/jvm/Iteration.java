package dev.servelab.hw.jvm;

import java.util.List;

/** One forward pass over a batch chosen by the scheduler: prefill chunks and decode tokens together. */
public record Iteration(List<SequenceChunk> sequences) {
    public Iteration {
        sequences = List.copyOf(sequences);
        if (sequences.isEmpty()) {
            throw new IllegalArgumentException("an iteration needs at least one sequence");
        }
    }
}
