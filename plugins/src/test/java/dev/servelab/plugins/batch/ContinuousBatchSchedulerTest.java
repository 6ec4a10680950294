package dev.servelab.plugins.batch;

import dev.servelab.engine.model.Request;
import dev.servelab.engine.replica.Sequence;
import dev.servelab.engine.spi.BatchScheduler;
import dev.servelab.testkit.Decision;
import dev.servelab.testkit.ReplicaRun;
import dev.servelab.testkit.ReplicaScript;
import dev.servelab.testkit.PlannedIteration;
import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContinuousBatchSchedulerTest {
    private static final long MS = 1_000_000;

    /** One iteration's batch as the executor saw it. */
    record Batch(long startNanos, int prefillTokens, int decodeTokens, int size) {
    }

    /** A replica whose iterations take {@code iterationMs} each, with its KV cache and limits. */
    static ReplicaRun replica(BatchScheduler scheduler, double iterationMs, int capacityBlocks, int blockSize, int maxSeqs,
                              int maxTokens) {
        return ReplicaRun.of(scheduler).iterationMs(iterationMs, 0).kv(capacityBlocks, blockSize).limits(maxSeqs, maxTokens);
    }

    static List<Batch> batches(ReplicaRun run) {
        return run.iterations().stream().map(i -> new Batch(i.startNanos(), i.prefillTokens(), i.decodeTokens(), i.batchSize())).toList();
    }

    @Test
    void tokensAreEmittedAtIterationEndsWithRunningSequencesFirst() {
        ReplicaRun h = replica(new ContinuousBatchScheduler(), 10, 100, 16, 256, 8192);
        h.submit(Request.of(0, 0, 10, 3));
        h.submit(Request.of(1, 5 * MS, 20, 2));
        h.run();
        Sequence a = byId(h.finished(), 0);
        Sequence b = byId(h.finished(), 1);
        // it1 [0,10): prefill A(10) -> A tok1; it2 [10,20): A decode + B prefill(20); it3 [20,30): A, B decode
        assertArrayEquals(new long[]{10 * MS, 20 * MS, 30 * MS}, a.tokenTimes().toArray());
        assertArrayEquals(new long[]{20 * MS, 30 * MS}, b.tokenTimes().toArray());
        assertEquals(10 * MS, b.firstScheduledNanos());
        assertEquals(List.of(new Batch(0, 10, 0, 1), new Batch(10 * MS, 20, 1, 2), new Batch(20 * MS, 0, 2, 2)), batches(h));
        assertEquals(List.of(Decision.decode(0), Decision.prefill(1, 20)), h.iterations().get(1).decisions(),
                "running first, then the newcomer's whole prompt");
        assertEquals(0, h.kvCache().usedBlocks(), "every block released at the end");
    }

    @Test
    void respectsMaxNumSeqsAndTokenBudgetFcfs() {
        ReplicaRun h = replica(new ContinuousBatchScheduler(), 1, 1000, 16, 2, 100);
        for (int i = 0; i < 4; i++) h.submit(Request.of(i, 0, 40, 2));
        h.run();
        // budget 100 tokens fits two 40-token prompts, and max_num_seqs is 2 anyway
        assertEquals(80, batches(h).getFirst().prefillTokens());
        for (Batch s : batches(h)) {
            assertTrue(s.size() <= 2, "batch size " + s.size());
            assertTrue(s.prefillTokens() + s.decodeTokens() <= 100);
        }
        List<Long> order = h.finished().stream().sorted(Comparator.comparingLong(Sequence::firstScheduledNanos))
                .map(Sequence::id).toList();
        assertEquals(List.of(0L, 1L, 2L, 3L), order, "first come, first served");
    }

    @Test
    void aPromptLongerThanTheBudgetIsChunkedInsteadOfStuck() {
        ReplicaRun h = replica(new ContinuousBatchScheduler(), 1, 1000, 16, 256, 512);
        h.submit(Request.of(0, 0, 1300, 2));
        h.run();
        assertEquals(1, h.finished().size());
        assertEquals(List.of(512, 512, 276, 0), batches(h).stream().map(Batch::prefillTokens).toList());
    }

    @Test
    void runsOutOfKvBlocksPreemptsByRecomputeAndLeaksNothing() {
        // 12 blocks of 16 tokens; 4 requests of 32 prompt + 40 output tokens each need 5 blocks at the end.
        ReplicaRun h = replica(new ContinuousBatchScheduler(), 1, 12, 16, 256, 8192);
        for (int i = 0; i < 4; i++) h.submit(Request.of(i, 0, 32, 40));
        h.run();
        assertEquals(4, h.finished().size(), "every admitted request completed");
        int preemptions = h.finished().stream().mapToInt(Sequence::preemptions).sum();
        assertTrue(preemptions > 0, "the cache is too small to avoid preemption");
        for (Sequence s : h.finished()) {
            assertEquals(40, s.tokenTimes().size(), "every output token emitted exactly once, request " + s.id());
            assertEquals(s.preemptions(), s.preemptionTimes().size());
        }
        assertEquals(0, h.kvCache().usedBlocks(), "no block leaked");
        assertTrue(h.kvCache().availableBlocks() == 12);
    }

    @Test
    void sharedPrefixesHitTheCacheAndTheHitIsCounted() {
        ReplicaRun h = replica(new ContinuousBatchScheduler(), 1, 1000, 16, 256, 8192);
        long[] shared = {11, 22, 33};
        h.submit(new Request(0, 0, 3 * 64 + 10, 2, shared, 64, null, null, null));
        h.submit(new Request(1, 10 * MS, 3 * 64 + 30, 2, new long[]{11, 22, 33, 44}, 64, null, null, null));
        h.submit(new Request(2, 20 * MS, 100, 2, new long[]{11, 99}, 64, null, null, null));
        h.run();
        assertEquals(0, byId(h.finished(), 0).totalCachedTokens());
        assertEquals(3 * 64, byId(h.finished(), 1).totalCachedTokens(), "three shared 64-token hash blocks = 12 KV blocks");
        assertEquals(64, byId(h.finished(), 2).totalCachedTokens(), "only the first hash block is shared");
        assertEquals(0, h.kvCache().usedBlocks());
        assertTrue(h.kvCache().cachedBlocks() > 0, "finished prefixes stay cached for later requests");
    }

    @Test
    void randomWorkloadKeepsKvAccountingConsistent() {
        ReplicaRun h = replica(new ContinuousBatchScheduler(), 3, 60, 16, 32, 512);
        SplittableRandom rng = new SplittableRandom(7);
        long t = 0;
        for (int i = 0; i < 300; i++) {
            t += rng.nextLong(2 * MS);
            long[] hashes = rng.nextBoolean() ? new long[]{1, 2 + rng.nextInt(3)} : new long[0];
            h.submit(new Request(i, t, 1 + rng.nextInt(300), 1 + rng.nextInt(60), hashes, hashes.length == 0 ? 0 : 128,
                    null, null, null));
        }
        h.run();
        assertEquals(300, h.finished().size() + h.refused().size());
        assertEquals(0, h.kvCache().usedBlocks());
        for (Sequence s : h.finished()) {
            assertEquals(Sequence.State.FINISHED, s.state());
            assertEquals(s.request().outputTokens(), s.generatedTokens());
        }
    }

    @Test
    void bulkDecodeThroughTheEnginesPathEqualsOneCallPerSequence() {
        // the same scheduler, but handing decodeRun a copy of the running list forces the SPI's default
        // (one decode() per sequence) instead of the engine's bulk path: the batches must be identical
        BatchScheduler perSequence = (replica, plan) -> {
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
        ReplicaRun bulk = replica(new ContinuousBatchScheduler(), 3, 400, 16, 32, 512);
        ReplicaRun single = replica(perSequence, 3, 400, 16, 32, 512);
        SplittableRandom rng = new SplittableRandom(11);
        long t = 0;
        for (int i = 0; i < 200; i++) {
            t += rng.nextLong(MS);
            Request r = Request.of(i, t, 1 + rng.nextInt(200), 1 + rng.nextInt(40));
            bulk.submit(r);
            single.submit(r);
        }
        bulk.run();
        single.run();
        assertEquals(batches(single), batches(bulk));
        assertEquals(200, bulk.finished().size());
    }

    @Test
    void aDecodeWithoutABlockPreemptsTheLatestAdmittedWhoseBlocksServeTheOthers() {
        // blocks of 4 tokens; sequences 1 and 2 have filled theirs and need one more each, one block is free
        ReplicaScript r = ReplicaScript.of(9, 4)
                .running(Request.of(1, 0, 12, 10), 1)
                .running(Request.of(2, 0, 12, 10), 1)
                .running(Request.of(3, 0, 8, 10), 1)
                .waiting(Request.of(4, 0, 4, 2));
        PlannedIteration plan = r.schedule(new ContinuousBatchScheduler());
        assertEquals(List.of(Decision.decode(1), Decision.preempt(3), Decision.decode(2), Decision.prefill(4, 4)),
                plan.decisions(), "1 takes the free block; 3's two blocks go to 2's decode and 4's prompt");
        assertEquals(List.of(3L), r.waiting().stream().map(s -> s.id()).toList(), "the victim waits for the next iteration");
        assertEquals(List.of(1L, 2L, 4L), r.running().stream().map(s -> s.id()).toList());
        assertEquals(0, r.kvAvailableBlocks());
    }

    private static Sequence byId(List<Sequence> seqs, long id) {
        return seqs.stream().filter(s -> s.id() == id).findFirst().orElseThrow();
    }
}
