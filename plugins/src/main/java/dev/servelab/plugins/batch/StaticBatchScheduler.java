package dev.servelab.plugins.batch;

import dev.servelab.engine.spi.BatchPlan;
import dev.servelab.engine.spi.BatchScheduler;
import dev.servelab.engine.spi.Plugin;
import dev.servelab.engine.spi.ReplicaView;

/**
 * Static (request-level) batching: a batch of up to {@code max_num_seqs} waiting requests is formed
 * only when the replica is empty, then runs — prefill, then decode steps — until its last request
 * finishes; requests that finish early leave idle slots and newcomers wait for the whole batch.
 * This is how FasterTransformer-era servers batched, and the baseline continuous batching beats.
 *
 * <p>Source: NVIDIA FasterTransformer / Triton static batching, as contrasted in Orca (OSDI 2022).
 */
@Plugin(id = "batch.static", summary = "Request-level batches: admit only when the replica is empty",
        source = "FasterTransformer static batching; Orca (OSDI'22) baseline")
public final class StaticBatchScheduler implements BatchScheduler {
    @Override
    public void schedule(ReplicaView replica, BatchPlan plan) {
        if (replica.running().isEmpty()) {
            RunningPass.admit(replica.waiting(), plan, false, Integer.MAX_VALUE, 0, replica.maxNumBatchedTokens());
            return;
        }
        RunningPass.prefills(replica.running(), plan, Integer.MAX_VALUE, 0);
        RunningPass.decodes(replica.running(), plan);
    }
}
