package dev.servelab.testkit;

import dev.servelab.engine.model.Request;
import dev.servelab.engine.replica.Sequence;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReplicaScriptTest {
    @Test
    void runningSequencesDecodeThenWaitingOnesAreAdmittedUntilTheBudgetIsSpent() {
        ReplicaScript r = ReplicaScript.of(100, 16).limits(8, 300)
                .running(Request.of(1, 0, 40, 20), 5)
                .waiting(Request.of(2, 0, 200, 10))
                .waiting(Request.of(3, 0, 200, 10));
        PlannedIteration plan = r.schedule(new FcfsTestScheduler());
        assertEquals(List.of(Decision.decode(1), Decision.prefill(2, 200)), plan.decisions(),
                "request 3 does not fit the 99 tokens left and FCFS does not skip ahead");
        assertEquals(List.of(2L), plan.admitted());
        assertEquals(201, plan.batchedTokens());
        assertEquals(99, plan.tokenBudget());
        assertEquals(13, r.sequence(2).blocksHeld(), "200 tokens in blocks of 16");
        assertEquals(Sequence.State.RUNNING, r.sequence(2).state());
        assertEquals(List.of(3L), r.waiting().stream().map(Sequence::id).toList());
    }

    @Test
    void whenADecodeFindsNoBlockTheLatestAdmittedIsPreempted() {
        // each running sequence has filled its blocks exactly: every decode needs a new block, one is free
        ReplicaScript r = ReplicaScript.of(9, 4)
                .running(Request.of(1, 0, 12, 10), 1)
                .running(Request.of(2, 0, 12, 10), 1)
                .running(Request.of(3, 0, 8, 10), 1);
        assertEquals(1, r.kvAvailableBlocks());
        PlannedIteration plan = r.schedule(new FcfsTestScheduler());
        assertEquals(List.of(Decision.decode(1), Decision.preempt(3), Decision.decode(2)), plan.decisions());
        assertEquals(List.of(3L), plan.preempted());
        assertEquals(0, r.sequence(3).blocksHeld());
        assertEquals(0, r.sequence(3).computedTokens(), "recompute: its KV is gone");
        assertEquals(3L, r.waiting().getFirst().id(), "a preempted sequence waits at the front");
    }

    @Test
    void aPromptNeedingMoreBlocksThanAreFreeIsNotAdmitted() {
        ReplicaScript r = ReplicaScript.of(20, 16).heldElsewhere(10).waiting(Request.of(1, 0, 200, 5));
        PlannedIteration plan = r.schedule(new FcfsTestScheduler());
        assertEquals(List.of(), plan.decisions(), "200 tokens need 13 blocks, 10 are free");
        assertEquals(10, r.kvAvailableBlocks(), "nothing allocated");
        assertEquals(0, plan.size());
    }

    @Test
    void aScriptCannotHoldMoreThanItsCache() {
        assertThrows(IllegalArgumentException.class, () -> ReplicaScript.of(2, 16).running(Request.of(1, 0, 100, 10), 1));
        assertThrows(IllegalArgumentException.class, () -> ReplicaScript.of(10, 16).running(Request.of(1, 0, 10, 3), 3));
    }
}
