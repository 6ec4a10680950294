package dev.servelab.engine.replica;

import dev.servelab.engine.event.EventLoop;
import dev.servelab.engine.metrics.MetricsCollector;
import dev.servelab.engine.model.Request;
import dev.servelab.engine.observe.IterationRecord;
import dev.servelab.engine.observe.RunObserver;
import dev.servelab.engine.observe.SequenceRecord;
import dev.servelab.engine.pipeline.SloSpec;
import dev.servelab.engine.spi.BatchScheduler;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One replica on an event loop with a constant-time executor, a FIFO scheduler and LRU eviction. */
class ReplicaTest {
    private static final long MS = 1_000_000;

    /** The replica under test and what it reported. */
    private static final class Rig implements RunObserver {
        final EventLoop loop = new EventLoop();
        final ConstantTestExecutor executor = new ConstantTestExecutor(10 * MS);
        final KvCache kv;
        final Replica replica;
        final MetricsCollector metrics = new MetricsCollector(SloSpec.NONE);
        final List<Sequence> finished = new ArrayList<>();
        final List<String> refused = new ArrayList<>();
        int iterationPreemptions;
        int lastKvUsed = -1;

        Rig(BatchScheduler scheduler, int blocks, int blockSize, int maxSeqs) {
            kv = new KvCache(blocks, blockSize, new LruTestEviction());
            replica = new Replica(0, "gpu", scheduler, executor, kv, true, maxSeqs, 8192, loop,
                    new RunObserver[]{metrics, this}, (s, now) -> { });
        }

        Rig submit(Request r) {
            loop.at(r.arrivalNanos(), () -> {
                metrics.onArrival(r, loop.nowNanos());
                String why = replica.enqueue(new Sequence(r, 0, true));
                if (why != null) refused.add(why);
            });
            return this;
        }

        Rig run() {
            loop.run();
            return this;
        }

        Sequence seq(long id) {
            return finished.stream().filter(s -> s.id() == id).findFirst().orElseThrow();
        }

        @Override
        public void onFinished(SequenceRecord s, long nowNanos) {
            finished.add((Sequence) s);
        }

        @Override
        public void onIteration(IterationRecord it) {
            iterationPreemptions += it.preemptions;
            lastKvUsed = it.kvUsedBlocks;
        }
    }

    @Test
    void tokensAreEmittedAtIterationEndsAndTheMetricsFollow() {
        Rig rig = new Rig(new FifoTestScheduler(), 100, 16, 256)
                .submit(Request.of(0, 0, 10, 3))
                .submit(Request.of(1, 5 * MS, 20, 2))
                .run();
        // it1 [0,10): prefill A; it2 [10,20): decode A + prefill B; it3 [20,30): decode A and B
        assertArrayEquals(new long[]{10 * MS, 20 * MS, 30 * MS}, rig.seq(0).tokenTimes().toArray());
        assertArrayEquals(new long[]{20 * MS, 30 * MS}, rig.seq(1).tokenTimes().toArray());
        assertEquals(10 * MS, rig.seq(1).firstScheduledNanos(), "B waits for the running iteration to end");
        assertEquals(30 * MS, rig.seq(0).finishNanos());
        assertEquals(List.of(new ConstantTestExecutor.Batch(0, 10, 0, 1), new ConstantTestExecutor.Batch(10 * MS, 20, 1, 2),
                new ConstantTestExecutor.Batch(20 * MS, 0, 2, 2)), rig.executor.batches);
        assertEquals(0, rig.kv.usedBlocks());
        assertEquals(0, rig.lastKvUsed, "the last iteration reports its blocks released");

        Map<String, Object> m = rig.metrics.summary().toMap();
        assertEquals(2L, m.get("completed"));
        assertEquals(12.5, (double) m.get("mean_ttft_ms"), 0.02, "TTFT 10 and 15 ms");
        assertEquals(27.5, (double) m.get("mean_e2el_ms"), 0.03, "E2EL 30 and 25 ms");
        assertEquals(10.0, (double) m.get("mean_tpot_ms"), 0.01);
        assertEquals(10.0, (double) m.get("mean_itl_ms"), 0.01);
        assertEquals(2.5, (double) m.get("mean_queueing_delay_ms"), 0.01, "A waited 0 ms, B 5 ms");
        assertEquals(0.03, (double) m.get("duration"), 1e-12);
        assertEquals(3L, m.get("iterations"));
        assertEquals(5.0 / 3, (double) m.get("mean_batch_size"), 1e-12);
    }

    @Test
    void admissionStopsAtMaxNumSeqs() {
        Rig rig = new Rig(new FifoTestScheduler(), 100, 16, 1)
                .submit(Request.of(0, 0, 4, 2))
                .submit(Request.of(1, 0, 4, 2))
                .run();
        assertArrayEquals(new long[]{10 * MS, 20 * MS}, rig.seq(0).tokenTimes().toArray());
        assertEquals(20 * MS, rig.seq(1).firstScheduledNanos(), "the second sequence slot opens when A finishes");
        assertArrayEquals(new long[]{30 * MS, 40 * MS}, rig.seq(1).tokenTimes().toArray());
        assertTrue(rig.executor.batches.stream().allMatch(b -> b.size() == 1));
    }

    @Test
    void runningOutOfKvPreemptsByRecomputeAndLeaksNoBlock() {
        // 6 blocks of 4 tokens; each request grows to 8 + 10 = 18 tokens (5 blocks): they cannot both fit
        Rig rig = new Rig(new FifoTestScheduler(), 6, 4, 256)
                .submit(Request.of(0, 0, 8, 10))
                .submit(Request.of(1, 0, 8, 10))
                .run();
        assertEquals(2, rig.finished.size());
        assertEquals(0, rig.seq(0).preemptions(), "the first admitted keeps running");
        assertTrue(rig.seq(1).preemptions() >= 1, "the last admitted is the victim");
        assertEquals(rig.seq(1).preemptions(), rig.iterationPreemptions, "every preemption is reported by an iteration");
        for (Sequence s : rig.finished) {
            assertEquals(10, s.generatedTokens());
            assertEquals(10, s.tokenTimes().size(), "each token emitted exactly once, request " + s.id());
        }
        int prefilled = rig.executor.batches.stream().mapToInt(ConstantTestExecutor.Batch::prefillTokens).sum();
        assertTrue(prefilled > 16, "the victim's tokens are computed again: " + prefilled);
        assertEquals(0, rig.kv.usedBlocks());
        assertEquals(6, rig.kv.availableBlocks());
    }

    @Test
    void aRequestLargerThanTheWholeCacheIsRefusedWithAReason() {
        Rig rig = new Rig(new FifoTestScheduler(), 6, 4, 256).submit(Request.of(0, 0, 100, 30)).run();
        assertEquals(List.of("needs 33 KV blocks, replica 0 has 6"), rig.refused);
        assertEquals(0, rig.replica.waitingCount());
        assertTrue(rig.executor.batches.isEmpty(), "no iteration for a refused request");
    }

    @Test
    void aSharedPrefixIsServedFromTheCache() {
        long[] hashes = {5, 6};
        Rig rig = new Rig(new FifoTestScheduler(), 100, 16, 256)
                .submit(new Request(0, 0, 2 * 32 + 8, 2, hashes, 32, null, null, null))
                .submit(new Request(1, 100 * MS, 2 * 32 + 8, 2, hashes, 32, null, null, null))
                .run();
        assertEquals(0, rig.seq(0).totalCachedTokens());
        assertEquals(64, rig.seq(1).totalCachedTokens(), "both 32-token hash blocks (four KV blocks) hit");
        assertEquals(8, rig.executor.batches.stream().filter(b -> b.startNanos() == 100 * MS).findFirst().orElseThrow()
                .prefillTokens(), "only the unshared tail is computed");
        assertEquals(1.0 * 64 / (2 * 72), (double) rig.metrics.summary().toMap().get("prefix_cache_hit_ratio"), 1e-12);
    }

    @Test
    void aSchedulerThatStallsRunningSequencesIsCaught() {
        BatchScheduler onlyAdmits = (replica, plan) -> {
            for (var s : replica.waiting()) plan.prefill(s, plan.tokenBudget(), true);
        };
        Rig rig = new Rig(onlyAdmits, 100, 16, 256).submit(Request.of(0, 0, 4, 3));
        IllegalStateException e = assertThrows(IllegalStateException.class, rig::run);
        assertTrue(e.getMessage().startsWith("replica 0: the scheduler scheduled nothing while 1 sequences run"), e.getMessage());
    }
}
