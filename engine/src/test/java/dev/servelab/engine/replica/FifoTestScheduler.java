package dev.servelab.engine.replica;

import dev.servelab.engine.spi.BatchPlan;
import dev.servelab.engine.spi.BatchScheduler;
import dev.servelab.engine.spi.ReplicaView;
import dev.servelab.engine.spi.SequenceView;

import java.util.List;

/**
 * A tiny first-come-first-served continuous-batching scheduler for the engine's own tests (the engine
 * cannot see the plugins module): running sequences decode first, preempting the most recently
 * admitted one by recompute when a decode finds no KV block; then waiting sequences are admitted in
 * order with their whole prompt (chunked when longer than the token budget) until one does not fit.
 */
final class FifoTestScheduler implements BatchScheduler {
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
            boolean chunk = s.uncomputedTokens() > replica.maxNumBatchedTokens();
            if (plan.prefill(s, plan.tokenBudget(), chunk) == 0) return;
        }
    }
}
