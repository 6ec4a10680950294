package dev.servelab.plugins.batch;

import dev.servelab.engine.spi.BatchPlan;
import dev.servelab.engine.spi.BatchScheduler;
import dev.servelab.engine.spi.Plugin;
import dev.servelab.engine.spi.ReplicaView;
import dev.servelab.engine.spi.SequenceView;

import java.util.List;

/**
 * vLLM-style continuous (iteration-level) batching, first come first served: every iteration, the
 * running sequences go first (one decode token each, in admission order; when a decode needs a KV
 * block and none is left, the most recently admitted running sequence is preempted by recompute),
 * then waiting requests are admitted in arrival order while {@code max_num_seqs},
 * {@code max_num_batched_tokens} and free KV blocks allow, each with its whole prompt; the first
 * that does not fit stops admission (no skipping ahead). A prompt longer than
 * {@code max_num_batched_tokens} is split into budget-sized chunks so it can still be served.
 *
 * <p>Sources: Orca (Yu et al., OSDI 2022) for iteration-level scheduling; vLLM (Kwon et al., SOSP
 * 2023) for FCFS admission and recompute preemption of the latest-admitted sequence.
 */
@Plugin(id = "batch.continuous", summary = "Continuous batching, FCFS, running first, whole prompts (vLLM-style)",
        source = "Orca (OSDI'22); vLLM (SOSP'23)")
public final class ContinuousBatchScheduler implements BatchScheduler {
    @Override
    public void schedule(ReplicaView replica, BatchPlan plan) {
        scheduleRunning(replica.running(), plan);
        admitWaiting(replica, plan);
    }

    private static void scheduleRunning(List<? extends SequenceView> running, BatchPlan plan) {
        int tail = running.size() - 1;
        int i = 0;
        while (i <= tail) {
            i = plan.decodeRun(running, i, tail + 1);
            if (i > tail) return;
            SequenceView s = running.get(i++);
            if (s.isPrefilling()) {
                plan.prefill(s, plan.tokenBudget(), true);
                continue;
            }
            while (!plan.decode(s)) {
                if (plan.tokenBudget() < 1) return;
                SequenceView victim = running.get(tail--);
                plan.preempt(victim);
                if (victim == s) break;
            }
        }
    }

    private static void admitWaiting(ReplicaView replica, BatchPlan plan) {
        List<? extends SequenceView> waiting = replica.waiting();
        for (int i = 0; i < waiting.size(); i++) {
            if (plan.seqBudget() <= 0 || plan.tokenBudget() <= 0) return;
            SequenceView s = waiting.get(i);
            if (plan.isScheduled(s)) continue;
            boolean tooLongForOneBatch = s.uncomputedTokens() > replica.maxNumBatchedTokens();
            if (plan.prefill(s, plan.tokenBudget(), tooLongForOneBatch) == 0) return;
        }
    }
}
