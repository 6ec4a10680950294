package dev.servelab.plugins.batch;

import dev.servelab.engine.spi.BatchPlan;
import dev.servelab.engine.spi.BatchScheduler;
import dev.servelab.engine.spi.Plugin;
import dev.servelab.engine.spi.ReplicaView;

/**
 * Continuous batching that prioritises prefills and never mixes them with decodes (vLLM V0's
 * default): when a waiting request can be admitted — or a running one is still prefilling — the
 * iteration is prefill-only (whole prompts, FCFS; a prompt over the token budget goes in chunks),
 * and the running decodes stall for it; otherwise every running sequence decodes one token.
 * Good TTFT, but each new prompt pauses all decodes: the "generation stall" Sarathi-Serve removes.
 *
 * <p>Sources: Orca (OSDI 2022); vLLM V0 scheduler (Kwon et al., SOSP 2023).
 */
@Plugin(id = "batch.prefill-first", summary = "Prefill-only iterations first, then decode-only (vLLM V0)",
        source = "Orca (OSDI'22); vLLM V0 (SOSP'23)")
public final class PrefillFirstScheduler implements BatchScheduler {
    @Override
    public void schedule(ReplicaView replica, BatchPlan plan) {
        RunningPass.prefills(replica.running(), plan, Integer.MAX_VALUE, 0);
        RunningPass.admit(replica.waiting(), plan, false, Integer.MAX_VALUE, 0, replica.maxNumBatchedTokens());
        if (plan.size() > 0) return;
        RunningPass.decodes(replica.running(), plan);
    }
}
