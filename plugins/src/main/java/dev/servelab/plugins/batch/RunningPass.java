package dev.servelab.plugins.batch;

import dev.servelab.engine.spi.BatchPlan;
import dev.servelab.engine.spi.SequenceView;

import java.util.List;

/**
 * Scheduling steps the batch schedulers share. Decodes preempt (by recompute unless told otherwise) from the tail of the
 * given order when a KV block is missing, as vLLM does: the victim is the last sequence of
 * {@code order} not yet given up, possibly the one being scheduled.
 */
final class RunningPass {
    private RunningPass() {
    }

    /**
     * One decode token for every decoding sequence of {@code order}; returns false when budget ran out.
     * Stretches of decoding sequences go through {@link BatchPlan#decodeRun}, so on the replica's own
     * running list the steady decoders are scheduled without being visited; the loop below only sees
     * the sequence where a run stopped (prefilling, already scheduled, or short of a KV block).
     */
    static boolean decodes(List<? extends SequenceView> order, BatchPlan plan) {
        return decodes(order, plan, Preemption.RECOMPUTE, 1);
    }

    /** As {@link #decodes(List, BatchPlan)}, preempting in the given mode. */
    static boolean decodes(List<? extends SequenceView> order, BatchPlan plan, Preemption preemption, int blockSizeTokens) {
        int tail = order.size() - 1;
        int i = 0;
        while (i <= tail) {
            i = plan.decodeRun(order, i, tail + 1);
            if (i > tail) return true;
            SequenceView s = order.get(i++);
            if (s.isPrefilling() || plan.isScheduled(s)) continue;
            while (!plan.decode(s)) {
                if (plan.tokenBudget() < 1) return false;
                SequenceView victim = order.get(tail--);
                preemption.apply(plan, victim, blockSizeTokens);
                if (victim == s) break;
            }
        }
        return true;
    }

    /**
     * Continues the running sequences that are still prefilling, each with up to {@code chunk} tokens,
     * never taking the plan's token budget below {@code floor}.
     */
    static void prefills(List<? extends SequenceView> running, BatchPlan plan, int chunk, int floor) {
        for (int i = plan.nextPrefilling(running, 0); i < running.size(); i = plan.nextPrefilling(running, i + 1)) {
            int room = plan.tokenBudget() - floor;
            if (room <= 0) return;
            SequenceView s = running.get(i);
            if (!plan.isScheduled(s)) plan.prefill(s, Math.min(chunk, room), true);
        }
    }

    /**
     * Admits waiting sequences in {@code order} while budgets allow, never taking the token budget
     * below {@code floor}; with {@code chunked} a prompt may be split (at most {@code chunk} tokens
     * this iteration), otherwise whole prompts only (a prompt longer than {@code maxTokens} still
     * goes in chunks). Stops at the first that does not fit.
     */
    static void admit(List<? extends SequenceView> order, BatchPlan plan, boolean chunked, int chunk, int floor,
                      int maxTokens) {
        for (SequenceView s : order) {
            int room = plan.tokenBudget() - floor;
            if (plan.seqBudget() <= 0 || room <= 0) return;
            if (plan.isScheduled(s)) continue;
            boolean partial = chunked || s.uncomputedTokens() > maxTokens;
            if (plan.prefill(s, Math.min(chunk, room), partial) == 0) return;
        }
    }
}
