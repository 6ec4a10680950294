package dev.servelab.plugins.batch;

import dev.servelab.engine.model.Request;
import dev.servelab.engine.replica.Sequence;
import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContinuousBatchSchedulerTest {
    private static final long MS = 1_000_000;

    @Test
    void tokensAreEmittedAtIterationEndsWithRunningSequencesFirst() {
        ReplicaHarness h = new ReplicaHarness(new ContinuousBatchScheduler(), 10 * MS, 100, 16, 256, 8192);
        h.submit(Request.of(0, 0, 10, 3), true);
        h.submit(Request.of(1, 5 * MS, 20, 2), true);
        h.run();
        Sequence a = byId(h.finished, 0);
        Sequence b = byId(h.finished, 1);
        // it1 [0,10): prefill A(10) -> A tok1; it2 [10,20): A decode + B prefill(20); it3 [20,30): A, B decode
        assertArrayEquals(new long[]{10 * MS, 20 * MS, 30 * MS}, a.tokenTimes().toArray());
        assertArrayEquals(new long[]{20 * MS, 30 * MS}, b.tokenTimes().toArray());
        assertEquals(10 * MS, b.firstScheduledNanos());
        assertEquals(List.of(new FixedTimeExecutor.Seen(0, 10, 0, 1), new FixedTimeExecutor.Seen(10 * MS, 20, 1, 2),
                new FixedTimeExecutor.Seen(20 * MS, 0, 2, 2)), h.executor.batches);
        assertEquals(0, h.kv.usedBlocks(), "every block released at the end");
    }

    @Test
    void respectsMaxNumSeqsAndTokenBudgetFcfs() {
        ReplicaHarness h = new ReplicaHarness(new ContinuousBatchScheduler(), MS, 1000, 16, 2, 100);
        for (int i = 0; i < 4; i++) h.submit(Request.of(i, 0, 40, 2), false);
        h.run();
        // budget 100 tokens fits two 40-token prompts, and max_num_seqs is 2 anyway
        assertEquals(80, h.executor.batches.getFirst().prefillTokens());
        for (FixedTimeExecutor.Seen s : h.executor.batches) {
            assertTrue(s.size() <= 2, "batch size " + s.size());
            assertTrue(s.prefillTokens() + s.decodeTokens() <= 100);
        }
        List<Long> order = h.finished.stream().sorted(Comparator.comparingLong(Sequence::firstScheduledNanos))
                .map(Sequence::id).toList();
        assertEquals(List.of(0L, 1L, 2L, 3L), order, "first come, first served");
    }

    @Test
    void aPromptLongerThanTheBudgetIsChunkedInsteadOfStuck() {
        ReplicaHarness h = new ReplicaHarness(new ContinuousBatchScheduler(), MS, 1000, 16, 256, 512);
        h.submit(Request.of(0, 0, 1300, 2), false);
        h.run();
        assertEquals(1, h.finished.size());
        assertEquals(List.of(512, 512, 276, 0), h.executor.batches.stream().map(FixedTimeExecutor.Seen::prefillTokens).toList());
    }

    @Test
    void runsOutOfKvBlocksPreemptsByRecomputeAndLeaksNothing() {
        // 12 blocks of 16 tokens; 4 requests of 32 prompt + 40 output tokens each need 5 blocks at the end.
        ReplicaHarness h = new ReplicaHarness(new ContinuousBatchScheduler(), MS, 12, 16, 256, 8192);
        for (int i = 0; i < 4; i++) h.submit(Request.of(i, 0, 32, 40), true);
        h.run();
        assertEquals(4, h.finished.size(), "every admitted request completed");
        int preemptions = h.finished.stream().mapToInt(Sequence::preemptions).sum();
        assertTrue(preemptions > 0, "the cache is too small to avoid preemption");
        for (Sequence s : h.finished) {
            assertEquals(40, s.tokenTimes().size(), "every output token emitted exactly once, request " + s.id());
            assertEquals(s.preemptions(), s.preemptionTimes().size());
        }
        assertEquals(0, h.kv.usedBlocks(), "no block leaked");
        assertTrue(h.kv.availableBlocks() == 12);
    }

    @Test
    void sharedPrefixesHitTheCacheAndTheHitIsCounted() {
        ReplicaHarness h = new ReplicaHarness(new ContinuousBatchScheduler(), MS, 1000, 16, 256, 8192);
        long[] shared = {11, 22, 33};
        h.submit(new Request(0, 0, 3 * 64 + 10, 2, shared, 64, null, null, null), false);
        h.submit(new Request(1, 10 * MS, 3 * 64 + 30, 2, new long[]{11, 22, 33, 44}, 64, null, null, null), false);
        h.submit(new Request(2, 20 * MS, 100, 2, new long[]{11, 99}, 64, null, null, null), false);
        h.run();
        assertEquals(0, byId(h.finished, 0).totalCachedTokens());
        assertEquals(3 * 64, byId(h.finished, 1).totalCachedTokens(), "three shared 64-token hash blocks = 12 KV blocks");
        assertEquals(64, byId(h.finished, 2).totalCachedTokens(), "only the first hash block is shared");
        assertEquals(0, h.kv.usedBlocks());
        assertTrue(h.kv.cachedBlocks() > 0, "finished prefixes stay cached for later requests");
    }

    @Test
    void randomWorkloadKeepsKvAccountingConsistent() {
        ReplicaHarness h = new ReplicaHarness(new ContinuousBatchScheduler(), 3 * MS, 60, 16, 32, 512);
        SplittableRandom rng = new SplittableRandom(7);
        long t = 0;
        for (int i = 0; i < 300; i++) {
            t += rng.nextLong(2 * MS);
            long[] hashes = rng.nextBoolean() ? new long[]{1, 2 + rng.nextInt(3)} : new long[0];
            h.submit(new Request(i, t, 1 + rng.nextInt(300), 1 + rng.nextInt(60), hashes, hashes.length == 0 ? 0 : 128,
                    null, null, null), false);
        }
        h.run();
        assertEquals(300, h.finished.size() + h.rejected.size());
        assertEquals(0, h.kv.usedBlocks());
        for (Sequence s : h.finished) {
            assertEquals(Sequence.State.FINISHED, s.state());
            assertEquals(s.request().outputTokens(), s.generatedTokens());
        }
    }

    @Test
    void bulkDecodeThroughTheEnginesPathEqualsOneCallPerSequence() {
        // the same scheduler, but handing decodeRun a copy of the running list forces the SPI's default
        // (one decode() per sequence) instead of the engine's bulk path: the batches must be identical
        dev.servelab.engine.spi.BatchScheduler perSequence = (replica, plan) -> {
            java.util.List<dev.servelab.engine.spi.SequenceView> copy = new java.util.ArrayList<>(replica.running());
            int i = 0;
            while (i < copy.size()) {
                i = plan.decodeRun(copy, i, copy.size());
                if (i < copy.size()) {
                    dev.servelab.engine.spi.SequenceView s = copy.get(i++);
                    if (s.isPrefilling()) plan.prefill(s, plan.tokenBudget(), true);
                }
            }
            for (dev.servelab.engine.spi.SequenceView s : replica.waiting()) {
                if (plan.seqBudget() <= 0 || plan.prefill(s, plan.tokenBudget(), s.uncomputedTokens() > replica.maxNumBatchedTokens()) == 0) break;
            }
        };
        ReplicaHarness bulk = new ReplicaHarness(new ContinuousBatchScheduler(), 3 * MS, 400, 16, 32, 512);
        ReplicaHarness single = new ReplicaHarness(perSequence, 3 * MS, 400, 16, 32, 512);
        SplittableRandom rng = new SplittableRandom(11);
        long t = 0;
        for (int i = 0; i < 200; i++) {
            t += rng.nextLong(MS);
            Request r = Request.of(i, t, 1 + rng.nextInt(200), 1 + rng.nextInt(40));
            bulk.submit(r, false);
            single.submit(r, false);
        }
        bulk.run();
        single.run();
        assertEquals(single.executor.batches, bulk.executor.batches);
        assertEquals(200, bulk.finished.size());
    }

    private static Sequence byId(List<Sequence> seqs, long id) {
        return seqs.stream().filter(s -> s.id() == id).findFirst().orElseThrow();
    }
}
