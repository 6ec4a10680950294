package dev.servelab.testkit;

import java.util.List;

/**
 * What one scheduling pass of a {@link ReplicaScript} put in the batch, read back from the engine's
 * own plan: the scheduler's successful calls in order ({@link Decision}s; calls that changed nothing
 * are not listed), the batch in scheduling order, and who was admitted or preempted.
 *
 * @param decisions   every successful plan call, in order
 * @param batch       ids of the sequences in the batch, in the order they were scheduled
 * @param batchedTokens tokens the batch computes, prefill and decode together
 * @param tokenBudget tokens of {@code max_num_batched_tokens} left unused
 * @param admitted    ids of the waiting sequences admitted (and still running after the pass)
 * @param preempted   ids of the running sequences preempted, by recompute or swap-out, in order
 */
public record PlannedIteration(List<Decision> decisions, List<Long> batch, int batchedTokens, int tokenBudget,
                               List<Long> admitted, List<Long> preempted) {
    public PlannedIteration {
        decisions = List.copyOf(decisions);
        batch = List.copyOf(batch);
        admitted = List.copyOf(admitted);
        preempted = List.copyOf(preempted);
    }

    /** Sequences in the batch. */
    public int size() {
        return batch.size();
    }
}
