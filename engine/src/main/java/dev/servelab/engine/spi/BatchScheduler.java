package dev.servelab.engine.spi;

/**
 * Replica-level policy: composes each iteration's batch of prefill chunks and decode tokens under
 * {@code max_num_seqs} and {@code max_num_batched_tokens}. Plugin ids {@code batch.*}.
 */
public interface BatchScheduler {
    void schedule(ReplicaView replica, BatchPlan plan);
}
