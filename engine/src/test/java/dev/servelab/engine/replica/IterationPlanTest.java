package dev.servelab.engine.replica;

import dev.servelab.engine.event.EventLoop;
import dev.servelab.engine.model.Request;
import dev.servelab.engine.observe.RunObserver;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The iteration plan's mechanics: budgets, KV allocation, prefix hits, preemption, the executor's batch numbers. */
class IterationPlanTest {
    private final KvCache kv = new KvCache(10, 4, new LruTestEviction());
    private final Replica replica = new Replica(3, "gpu", new FifoTestScheduler(), new ConstantTestExecutor(1), kv, true,
            8, 100, new EventLoop(), new RunObserver[0], (s, now) -> { });
    private final IterationPlan plan = new IterationPlan(replica, kv);

    private static Sequence waiting(long id, int prompt, int output) {
        return new Sequence(Request.of(id, 0, prompt, output), 3, false);
    }

    /** A decoding sequence: its prompt computed and one token generated, holding the blocks for them. */
    private Sequence decoding(long id, int prompt) {
        Sequence s = waiting(id, prompt, 10);
        s.state = Sequence.State.RUNNING;
        s.generated = 1;
        s.computed = prompt;
        for (int i = 0; i < (prompt + 3) / 4; i++) s.addBlock(kv.allocate());
        return s;
    }

    @Test
    void aPrefillAdmitsAllocatesAndCountsTheBatch() {
        plan.reset(1, 500, 100, 2);
        Sequence s = waiting(1, 10, 5);
        assertEquals(10, plan.prefill(s, 100, false));
        assertEquals(Sequence.State.RUNNING, s.state());
        assertEquals(List.of(s), plan.admitted);
        assertEquals(500, s.firstScheduledNanos());
        assertEquals(3, s.blocksHeld(), "10 tokens in blocks of 4");
        assertEquals(7, kv.availableBlocks());
        assertEquals(90, plan.tokenBudget());
        assertEquals(1, plan.seqBudget());
        assertEquals(1, plan.size());
        assertTrue(plan.isScheduled(s));
        assertTrue(plan.isPrefill(0));
        assertTrue(plan.emitsToken(0), "the whole prompt: the first token comes at the end of the iteration");
        assertEquals(10, plan.prefillTokens());
        assertEquals(0, plan.decodeTokens());
        assertEquals(10 * 11 / 2, plan.attentionPairs(), "causal pairs of 10 new tokens without context");
        assertEquals(10, plan.kvTokensTouched());
        assertEquals(3, plan.replicaIndex());
        assertEquals(500, plan.startNanos());
        assertEquals(0, plan.prefill(s, 100, false), "already scheduled in this plan");
    }

    @Test
    void aWholePromptOverTheBudgetIsRefusedUnlessPartialIsAllowed() {
        plan.reset(1, 0, 6, 2);
        Sequence s = waiting(1, 10, 5);
        assertEquals(0, plan.prefill(s, 100, false));
        assertEquals(Sequence.State.WAITING, s.state());
        assertEquals(10, kv.availableBlocks(), "nothing allocated");
        assertEquals(6, plan.prefill(s, 100, true));
        assertEquals(2, s.blocksHeld());
        assertFalse(plan.emitsToken(0), "a chunk that leaves prompt tokens uncomputed emits nothing");
    }

    @Test
    void aPrefillWithoutEnoughBlocksChangesNothing() {
        plan.reset(1, 0, 100, 2);
        for (int i = 0; i < 8; i++) kv.allocate();
        Sequence s = waiting(1, 10, 5);
        assertEquals(0, plan.prefill(s, 100, true), "needs 3 blocks, 2 are left");
        assertEquals(0, plan.size());
        assertEquals(2, kv.availableBlocks());
        assertEquals(2, plan.seqBudget());
    }

    @Test
    void noAdmissionWithoutASequenceSlot() {
        plan.reset(1, 0, 100, 0);
        assertEquals(0, plan.prefill(waiting(1, 4, 1), 100, true));
    }

    @Test
    void aDecodeAllocatesABlockOnlyAtABlockBoundary() {
        Sequence inside = decoding(1, 5);
        Sequence atBoundary = decoding(2, 8);
        int before = kv.availableBlocks();
        plan.reset(1, 0, 100, 8);
        assertTrue(plan.decode(inside));
        assertEquals(before, kv.availableBlocks(), "token 6 fits in the second block");
        assertTrue(plan.decode(atBoundary));
        assertEquals(before - 1, kv.availableBlocks(), "token 9 needs a third block");
        assertEquals(2, plan.decodeTokens());
        assertEquals(2, plan.emittingSequences());
        assertEquals(5 + 1 + 8 + 1, plan.kvTokensTouched());
        assertEquals(6 + 9, plan.attentionPairs(), "one new token attends to its context and itself");
        assertThrows(IllegalStateException.class, () -> plan.decode(waitingRunning()), "decode() on a prefilling sequence");
    }

    private Sequence waitingRunning() {
        Sequence s = waiting(9, 4, 2);
        s.state = Sequence.State.RUNNING;
        return s;
    }

    @Test
    void aDecodeWithoutAFreeBlockFailsAndChangesNothing() {
        Sequence s = decoding(1, 8);
        while (kv.allocate() >= 0) {
            // exhaust the cache
        }
        plan.reset(1, 0, 100, 8);
        assertFalse(plan.decode(s));
        assertEquals(0, plan.size());
        assertEquals(100, plan.tokenBudget());
    }

    @Test
    void preemptingAScheduledSequenceTakesItOutOfThePlanAndFreesItsBlocks() {
        Sequence a = decoding(1, 8);
        Sequence b = decoding(2, 5);
        plan.reset(1, 0, 100, 6);
        plan.decode(a);
        plan.decode(b);
        plan.preempt(a);
        assertEquals(1, plan.size());
        assertSame(b, plan.sequence(0));
        assertEquals(99, plan.tokenBudget(), "a's token given back");
        assertEquals(1, plan.decodeTokens());
        assertEquals(Sequence.State.WAITING, a.state());
        assertEquals(0, a.blocksHeld());
        assertEquals(0, a.computedTokens(), "recompute: its KV is dropped");
        assertEquals(1, a.preemptions());
        assertEquals(List.of(a), plan.preempted);
        assertEquals(7, plan.seqBudget(), "its slot is free again");
        assertEquals(10 - 2, kv.availableBlocks(), "only b's two blocks are held");
    }

    @Test
    void aCachedPrefixIsAcquiredNotRecomputed() {
        long[] hashes = {70, 71};
        Request r = new Request(1, 0, 18, 2, hashes, 8, null, null, null);
        int[] prefix = new int[4];
        for (int i = 0; i < 4; i++) {
            prefix[i] = kv.allocate();
            kv.publish(prefix[i], PrefixKeys.key(r, i, 4));
            kv.release(prefix[i], 0);
        }
        Sequence s = new Sequence(r, 3, false);
        s.keyableBlocks = PrefixKeys.keyableBlocks(r, 4);
        plan.reset(1, 0, 100, 2);
        assertEquals(2, plan.prefill(s, 100, false), "16 of 18 tokens hit, 2 computed");
        assertEquals(16, s.cachedTokens());
        assertEquals(18, plan.lookupTokens);
        assertEquals(16, plan.hitTokens);
        assertEquals(16, plan.contextTokens(0));
        assertEquals(5, s.blocksHeld(), "four shared blocks and one new");
        for (int b : prefix) assertTrue(kv.isReferenced(b));
        assertEquals(5, kv.availableBlocks());
    }

    @Test
    void decodeRunStopsAtTheFirstPrefillingSequence() {
        Sequence a = decoding(1, 4);
        Sequence b = decoding(2, 6);
        Sequence c = waiting(3, 2, 1);
        c.state = Sequence.State.RUNNING;
        plan.reset(1, 0, 100, 8);
        List<Sequence> running = List.of(a, b, c);
        assertEquals(2, plan.decodeRun(running, 0, 3), "stops at the prefilling sequence");
        assertEquals(2, plan.decodeTokens());
        assertEquals(2, plan.size());
    }
}
