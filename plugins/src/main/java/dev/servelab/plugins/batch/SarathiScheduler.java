package dev.servelab.plugins.batch;

import dev.servelab.engine.spi.BatchPlan;
import dev.servelab.engine.spi.BatchScheduler;
import dev.servelab.engine.spi.Plugin;
import dev.servelab.engine.spi.ReplicaView;
import dev.servelab.engine.spi.Setting;

/**
 * Sarathi-Serve stall-free batching: every iteration first gives each running decode its token,
 * then continues ongoing prefills, then admits new requests, prefill chunks filling only what is
 * left of a small per-iteration {@code token_budget} (chosen from the TBT SLO; capped by
 * {@code max_num_batched_tokens}). A long prompt is spread over many iterations, so no iteration
 * grows much beyond the budget and decode latency stays flat while prefills are admitted.
 *
 * <p>Source: Agrawal et al., "Taming Throughput-Latency Tradeoff in LLM Inference with
 * Sarathi-Serve", OSDI 2024.
 */
@Plugin(id = "batch.sarathi", summary = "Stall-free: decodes first, prefill chunks fill a small token budget",
        source = "Sarathi-Serve (OSDI'24)")
public final class SarathiScheduler implements BatchScheduler {
    public record Settings(
            @Setting(summary = "tokens per iteration (decodes + prefill chunks)", unit = "tokens", min = 1) int tokenBudget,
            @Setting(summary = "preemption mode and swap cost") Preemption preemption) {
        public Settings() {
            this(512, new Preemption());
        }
    }

    private final Settings settings;

    public SarathiScheduler() {
        this(new Settings());
    }

    public SarathiScheduler(Settings settings) {
        this.settings = settings;
    }

    @Override
    public void schedule(ReplicaView replica, BatchPlan plan) {
        RunningPass.decodes(replica.running(), plan, settings.preemption(), replica.blockSizeTokens());
        int floor = Math.max(0, replica.maxNumBatchedTokens() - settings.tokenBudget());
        RunningPass.prefills(replica.running(), plan, Integer.MAX_VALUE, floor);
        RunningPass.admit(replica.waiting(), plan, true, Integer.MAX_VALUE, floor, replica.maxNumBatchedTokens());
    }
}
