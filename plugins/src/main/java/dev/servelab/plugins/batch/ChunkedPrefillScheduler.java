package dev.servelab.plugins.batch;

import dev.servelab.engine.spi.BatchPlan;
import dev.servelab.engine.spi.BatchScheduler;
import dev.servelab.engine.spi.Plugin;
import dev.servelab.engine.spi.ReplicaView;
import dev.servelab.engine.spi.SequenceView;
import dev.servelab.engine.spi.Setting;

import java.util.List;

/**
 * vLLM V1's unified token budget: one pass over the running sequences in admission order — a
 * decoding one gets one token, a prefilling one the next chunk of its prompt (at most
 * {@code long_prefill_token_threshold} tokens, 0 = no cap) — then waiting requests are admitted
 * FCFS with partial prompts filling what is left of {@code max_num_batched_tokens}. Prefill chunks
 * and decodes share every iteration, but with a large budget one iteration can still carry a big
 * prefill chunk that slows the decodes riding along.
 *
 * <p>Source: vLLM V1 scheduler (2025), chunked prefill with {@code max_num_batched_tokens}.
 */
@Plugin(id = "batch.chunked-prefill", summary = "Unified token budget, running in order then chunked admissions (vLLM V1)",
        source = "vLLM V1 scheduler")
public final class ChunkedPrefillScheduler implements BatchScheduler {
    public record Settings(
            @Setting(summary = "cap on one request's prefill chunk per iteration, 0 = none", unit = "tokens", min = 0)
            int longPrefillTokenThreshold,
            @Setting(summary = "preemption mode and swap cost") Preemption preemption) {
        public Settings() {
            this(0, new Preemption());
        }
    }

    private final int chunkCap;
    private final Preemption preemption;

    public ChunkedPrefillScheduler() {
        this(new Settings());
    }

    public ChunkedPrefillScheduler(Settings settings) {
        this.chunkCap = settings.longPrefillTokenThreshold() == 0 ? Integer.MAX_VALUE : settings.longPrefillTokenThreshold();
        this.preemption = settings.preemption();
    }

    @Override
    public void schedule(ReplicaView replica, BatchPlan plan) {
        List<? extends SequenceView> running = replica.running();
        int tail = running.size() - 1;
        int i = 0;
        while (i <= tail && plan.tokenBudget() > 0) {
            i = plan.decodeRun(running, i, tail + 1);
            if (i > tail || plan.tokenBudget() <= 0) break;
            SequenceView s = running.get(i++);
            if (s.isPrefilling()) {
                plan.prefill(s, Math.min(chunkCap, plan.tokenBudget()), true);
                continue;
            }
            while (!plan.decode(s) && plan.tokenBudget() > 0) {
                SequenceView victim = running.get(tail--);
                preemption.apply(plan, victim, replica.blockSizeTokens());
                if (victim == s) break;
            }
        }
        RunningPass.admit(replica.waiting(), plan, true, chunkCap, 0, replica.maxNumBatchedTokens());
    }
}
