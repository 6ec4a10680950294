package dev.servelab.testkit;

import dev.servelab.engine.model.Request;
import dev.servelab.engine.spi.BatchScheduler;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplicaRunTest {
    private static final long MS = 1_000_000;

    @Test
    void theRunRecordsTimingsIterationsAndDecisions() {
        ReplicaRun run = ReplicaRun.of(new FcfsTestScheduler()).eviction(new LruTestEviction()).iterationMs(10, 0)
                .submit(Request.of(0, 0, 10, 3), Request.of(1, 5 * MS, 20, 2))
                .run();
        assertArrayEquals(new long[]{10 * MS, 20 * MS, 30 * MS}, run.seq(0).tokenTimes().toArray());
        assertArrayEquals(new long[]{20 * MS, 30 * MS}, run.seq(1).tokenTimes().toArray());
        List<ReplicaRun.Iteration> its = run.iterations();
        assertEquals(3, its.size());
        assertEquals(List.of(Decision.prefill(0, 10)), its.get(0).decisions());
        assertEquals(List.of(Decision.decode(0), Decision.prefill(1, 20)), its.get(1).decisions());
        assertEquals(List.of(Decision.decode(0), Decision.decode(1)), its.get(2).decisions());
        assertEquals(0, its.getLast().kvUsedBlocks());
        assertEquals(30, run.totalPrefillTokens());
        assertEquals(3, run.totalDecodeTokens(), "(10 + 3 - 1) + (20 + 2 - 1) = 33 tokens computed in all");
    }

    @Test
    void preemptionsAreRecordedAndTheAccountingStillHolds() {
        ReplicaRun run = ReplicaRun.of(new FcfsTestScheduler()).eviction(new LruTestEviction()).kv(6, 4)
                .submit(Request.of(0, 0, 8, 10), Request.of(1, 0, 8, 10))
                .run();
        assertTrue(run.seq(1).preemptions() >= 1);
        assertTrue(run.iterations().stream().anyMatch(i -> i.decisions().contains(Decision.preempt(1))));
    }

    @Test
    void aRequestTheSchedulerNeverServesFailsTheRun() {
        BatchScheduler skipsOne = (replica, plan) -> {
            for (var s : replica.running()) if (!s.isPrefilling()) plan.decode(s);
            for (var s : replica.waiting()) if (s.id() != 1) plan.prefill(s, plan.tokenBudget(), true);
        };
        ReplicaRun run = ReplicaRun.of(skipsOne).eviction(new LruTestEviction())
                .submit(Request.of(0, 0, 10, 2), Request.of(1, 0, 10, 2));
        AssertionError e = assertThrows(AssertionError.class, run::run);
        assertEquals("2 requests submitted, 1 finished and 0 refused: the rest are stuck", e.getMessage());
    }

    @Test
    void aRequestLargerThanTheCacheIsRefusedWithItsReason() {
        ReplicaRun run = ReplicaRun.of(new FcfsTestScheduler()).eviction(new LruTestEviction()).kv(4, 4)
                .submit(Request.of(0, 0, 100, 1)).run();
        assertEquals(List.of("needs 26 KV blocks, replica 0 has 4"), run.refused());
    }

    @Test
    void configurationAfterTheFirstSubmitIsAnError() {
        ReplicaRun run = ReplicaRun.of(new FcfsTestScheduler()).eviction(new LruTestEviction()).submit(Request.of(0, 0, 1, 1));
        assertThrows(IllegalStateException.class, () -> run.kv(10, 16));
    }
}
