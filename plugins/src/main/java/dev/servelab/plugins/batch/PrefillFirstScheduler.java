package dev.servelab.plugins.batch;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.servelab.engine.spi.BatchPlan;
import dev.servelab.engine.spi.BatchScheduler;
import dev.servelab.engine.spi.Plugin;
import dev.servelab.engine.spi.ReplicaView;
import dev.servelab.engine.spi.SequenceView;
import dev.servelab.engine.spi.Setting;

import java.util.List;

/**
 * Continuous batching that prioritises prefills and never mixes them with decodes (vLLM V0's
 * default): when a waiting request can be admitted — or a running one is still prefilling — the
 * iteration is prefill-only (whole prompts, FCFS; a prompt over the token budget goes in chunks),
 * and the running decodes stall for it; otherwise every running sequence decodes one token.
 * Good TTFT, but each new prompt pauses all decodes: the "generation stall" Sarathi-Serve removes.
 *
 * <p>{@code admission_rule} decides how many prompts one prefill iteration takes: {@code sum} (default)
 * while the prompts' token sum fits {@code max_num_batched_tokens}; {@code padded} while
 * {@code prompts × longest prompt} fits it, the rule of vLLM V0's early scheduler and of Vidur's vLLM
 * scheduler ({@code vidur/scheduler/replica_scheduler/vllm_replica_scheduler.py}, {@code _get_next_batch}:
 * {@code len(num_tokens) * max(num_tokens) > max_tokens_in_batch} stops admission).
 *
 * <p>Sources: Orca (OSDI 2022); vLLM V0 scheduler (Kwon et al., SOSP 2023); Vidur (MLSys 2024).
 */
@Plugin(id = "batch.prefill-first", summary = "Prefill-only iterations first, then decode-only (vLLM V0)",
        source = "Orca (OSDI'22); vLLM V0 (SOSP'23)")
public final class PrefillFirstScheduler implements BatchScheduler {
    /** How prompts are counted against {@code max_num_batched_tokens}. */
    public enum AdmissionRule {
        /** The prompts' token sum fits the budget. */
        @JsonProperty("sum") SUM,
        /** Prompts × the longest prompt fits the budget (every prompt padded to the longest, vLLM V0 / Vidur). */
        @JsonProperty("padded") PADDED;

        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public record Settings(@Setting(summary = "prompt admission: sum or padded (Vidur's vLLM)") AdmissionRule admissionRule) {
        public Settings() {
            this(AdmissionRule.SUM);
        }
    }

    private final Settings settings;

    public PrefillFirstScheduler() {
        this(new Settings());
    }

    public PrefillFirstScheduler(Settings settings) {
        this.settings = settings;
    }

    @Override
    public void schedule(ReplicaView replica, BatchPlan plan) {
        int budget = plan.tokenBudget();
        RunningPass.prefills(replica.running(), plan, Integer.MAX_VALUE, 0);
        if (settings.admissionRule() == AdmissionRule.PADDED) {
            admitPadded(replica.waiting(), plan, replica.maxNumBatchedTokens(), budget - plan.tokenBudget());
        }
        else RunningPass.admit(replica.waiting(), plan, false, Integer.MAX_VALUE, 0, replica.maxNumBatchedTokens());
        if (plan.size() > 0) return;
        RunningPass.decodes(replica.running(), plan);
    }

    /**
     * Whole prompts in order while {@code (admitted + 1) × longest ≤ maxTokens}, stopping at the first that
     * does not fit; a lone prompt over the budget still goes in chunks (Vidur would never schedule it).
     * {@code continued} tokens of prompts already in chunks count as one prompt that long.
     */
    private static void admitPadded(List<? extends SequenceView> order, BatchPlan plan, int maxTokens, int continued) {
        int admitted = plan.size();
        int longest = continued;
        for (SequenceView s : order) {
            if (plan.seqBudget() <= 0) return;
            if (plan.isScheduled(s)) continue;
            int prompt = s.uncomputedTokens();
            int widest = Math.max(longest, prompt);
            if (admitted > 0 && (long) (admitted + 1) * widest > maxTokens) return;
            boolean partial = prompt > maxTokens;
            int n = plan.prefill(s, Math.min(prompt, plan.tokenBudget()), partial);
            if (n == 0) return;
            admitted++;
            longest = Math.max(longest, n);
        }
    }
}
