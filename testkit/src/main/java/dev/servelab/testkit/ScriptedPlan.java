package dev.servelab.testkit;

import dev.servelab.engine.spi.BatchPlan;
import dev.servelab.engine.spi.SequenceView;

import java.util.ArrayList;
import java.util.List;

/**
 * The plan a scheduler fills over a {@link ReplicaScript}: it keeps the {@link BatchPlan} contract —
 * token and sequence budgets, a decode needs a new block only at a block boundary, a prefill takes
 * the blocks for its chunk or does nothing, a preemption frees every block of its victim and takes
 * it out of the plan — and records each successful call as a {@link Decision}. It does no prefix-cache
 * lookups (a script has no cached prefixes); run the policy in a {@link ReplicaRun} for those.
 */
public final class ScriptedPlan implements BatchPlan {
    private final ReplicaScript replica;
    private final List<Decision> decisions = new ArrayList<>();
    private final List<ScriptedSequence> scheduled = new ArrayList<>();
    private final List<Integer> scheduledTokens = new ArrayList<>();
    private final List<ScriptedSequence> admitted = new ArrayList<>();
    private final List<ScriptedSequence> preempted = new ArrayList<>();
    private int tokenBudget;
    private int seqBudget;

    ScriptedPlan(ReplicaScript replica, int tokenBudget, int seqBudget) {
        this.replica = replica;
        this.tokenBudget = tokenBudget;
        this.seqBudget = seqBudget;
    }

    /** Every successful call in order; calls that changed nothing (returned false or 0) are not listed. */
    public List<Decision> decisions() {
        return List.copyOf(decisions);
    }

    /** Ids of the sequences in the batch, in the order they were scheduled. */
    public List<Long> batch() {
        return scheduled.stream().map(ScriptedSequence::id).toList();
    }

    /** Tokens the batch computes, prefill and decode together. */
    public int batchedTokens() {
        return scheduledTokens.stream().mapToInt(Integer::intValue).sum();
    }

    /** Ids of the waiting sequences admitted by this plan. */
    public List<Long> admitted() {
        return admitted.stream().map(ScriptedSequence::id).toList();
    }

    /** Ids of the running sequences preempted (by recompute or swap-out). */
    public List<Long> preempted() {
        return preempted.stream().map(ScriptedSequence::id).toList();
    }

    List<ScriptedSequence> admittedSequences() {
        return admitted;
    }

    List<ScriptedSequence> preemptedSequences() {
        return preempted;
    }

    @Override
    public int tokenBudget() {
        return tokenBudget;
    }

    @Override
    public int seqBudget() {
        return seqBudget;
    }

    @Override
    public boolean decode(SequenceView view) {
        ScriptedSequence s = own(view);
        if (!s.running || isScheduled(s) || tokenBudget < 1) return false;
        if (s.uncomputedTokens() != 1) throw new IllegalStateException("decode() on a prefilling sequence " + s.id());
        if (s.computed >= s.blocks * replica.blockSizeTokens()) {
            if (replica.kvAvailableBlocks() < 1) return false;
            replica.allocate(1);
            s.blocks++;
        }
        schedule(s, 1, Decision.decode(s.id()));
        return true;
    }

    @Override
    public int prefill(SequenceView view, int maxTokens, boolean allowPartial) {
        ScriptedSequence s = own(view);
        boolean admitting = !s.running;
        int budget = Math.min(maxTokens, tokenBudget);
        if (isScheduled(s) || (admitting && seqBudget <= 0) || budget <= 0) return 0;
        int remaining = s.uncomputedTokens();
        int n = Math.min(remaining, budget);
        if (n < remaining && !allowPartial) return 0;
        int newBlocks = replica.blocksFor(s.computed + n) - s.blocks;
        if (newBlocks > replica.kvAvailableBlocks()) return 0;
        replica.allocate(newBlocks);
        s.blocks += newBlocks;
        if (admitting) {
            s.running = true;
            seqBudget--;
            admitted.add(s);
        }
        schedule(s, n, Decision.prefill(s.id(), n));
        return n;
    }

    @Override
    public void preempt(SequenceView view) {
        ScriptedSequence s = own(view);
        if (!s.running) return;
        takeOff(s);
        s.computed = 0;
        decisions.add(Decision.preempt(s.id()));
    }

    @Override
    public void swapOut(SequenceView view, long transferNanos) {
        ScriptedSequence s = own(view);
        if (!s.running) return;
        takeOff(s);
        decisions.add(Decision.swapOut(s.id()));
    }

    @Override
    public boolean isScheduled(SequenceView sequence) {
        return scheduled.contains(own(sequence));
    }

    @Override
    public int size() {
        return scheduled.size();
    }

    private void schedule(ScriptedSequence s, int tokens, Decision d) {
        scheduled.add(s);
        scheduledTokens.add(tokens);
        tokenBudget -= tokens;
        decisions.add(d);
    }

    /** Out of the plan, blocks freed, back to waiting; its sequence slot is free again. */
    private void takeOff(ScriptedSequence s) {
        int i = scheduled.indexOf(s);
        if (i >= 0) {
            tokenBudget += scheduledTokens.remove(i);
            scheduled.remove(i);
        }
        replica.free(s.blocks);
        s.blocks = 0;
        s.running = false;
        s.preemptions++;
        seqBudget++;
        if (!admitted.remove(s)) preempted.add(s);
    }

    private static ScriptedSequence own(SequenceView view) {
        if (view instanceof ScriptedSequence s) return s;
        throw new IllegalArgumentException("a scripted plan takes the script's own sequences, not " + view);
    }
}
