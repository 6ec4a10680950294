package dev.servelab.testkit;

import dev.servelab.engine.spi.BatchPlan;
import dev.servelab.engine.spi.BatchScheduler;
import dev.servelab.engine.spi.Plugin;
import dev.servelab.engine.spi.ReplicaView;
import dev.servelab.engine.spi.SequenceView;

import java.util.List;

/**
 * The kit's own test scheduler (the kit cannot see ServeLab's plugins): running sequences decode
 * first, the most recently admitted preempted when a decode finds no block; waiting sequences are
 * admitted in order with whole prompts (chunked when longer than the budget) until one does not fit.
 */
@Plugin(id = "batch.test-fcfs", summary = "Test scheduler: first come, first served")
public final class FcfsTestScheduler implements BatchScheduler {
    @Override
    public void schedule(ReplicaView replica, BatchPlan plan) {
        List<? extends SequenceView> running = replica.running();
        int tail = running.size() - 1;
        for (int i = 0; i <= tail; i++) {
            SequenceView s = running.get(i);
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
        for (SequenceView s : replica.waiting()) {
            if (plan.seqBudget() <= 0 || plan.tokenBudget() <= 0) return;
            if (plan.isScheduled(s)) continue;
            if (plan.prefill(s, plan.tokenBudget(), s.uncomputedTokens() > replica.maxNumBatchedTokens()) == 0) return;
        }
    }
}
