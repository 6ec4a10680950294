package dev.servelab.engine.replica;

import dev.servelab.engine.event.EventLoop;
import dev.servelab.engine.metrics.MetricsCollector;
import dev.servelab.engine.metrics.RunSummary;
import dev.servelab.engine.model.Request;
import dev.servelab.engine.observe.IterationRecord;
import dev.servelab.engine.observe.RunObserver;
import dev.servelab.engine.observe.SequenceRecord;
import dev.servelab.engine.pipeline.SloSpec;
import dev.servelab.engine.spi.Executor;
import dev.servelab.engine.spi.ExecutorContext;
import dev.servelab.engine.spi.IterationBatch;
import dev.servelab.engine.spi.SpeculativeDecoding;
import dev.servelab.engine.spi.SpeculativeDecoding.Method;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A replica with speculative decoding: verify widths, bursts of tokens, KV lookahead, ITL per chunk. */
class SpeculativeReplicaTest {
    private static final long MS = 1_000_000;

    /** What the executor saw of each iteration: tokens scheduled, and the verify counts of the SPI. */
    record Seen(int tokens, int verifying, long verifyingContext, int proposed) {
    }

    /** 10 ms per iteration; remembers what each batch told the executor. */
    private static final class RecordingExecutor implements Executor {
        final List<Seen> seen = new ArrayList<>();

        @Override
        public void attach(ExecutorContext context) {
        }

        @Override
        public long iterationNanos(IterationBatch b) {
            seen.add(new Seen(b.prefillTokens() + b.decodeTokens(), b.verifyingSequences(), b.verifyingContextTokens(),
                    b.proposedTokens()));
            return 10 * MS;
        }
    }

    private static final class Rig implements RunObserver {
        final EventLoop loop = new EventLoop();
        final RecordingExecutor executor = new RecordingExecutor();
        final KvCache kv;
        final Replica replica;
        final MetricsCollector metrics = new MetricsCollector(SloSpec.NONE);
        final List<Sequence> finished = new ArrayList<>();
        int maxKvUsed;
        final List<Integer> kvUsed = new ArrayList<>();

        Rig(int blocks, int k, double alpha) {
            kv = new KvCache(blocks, 16, new LruTestEviction());
            replica = new Replica(0, "gpu", new FifoTestScheduler(), executor, kv, true, 256, 8192, loop,
                    new RunObserver[] {metrics, this}, (s, now) -> { });
            replica.speculate(new SpeculativeVerifier(
                    new SpeculativeDecoding(Method.EAGLE, k, SpeculativeDecoding.constantRate(k, alpha), null), 5));
        }

        Rig submit(Request r) {
            loop.at(r.arrivalNanos(), () -> {
                metrics.onArrival(r, loop.nowNanos());
                assertEquals(null, replica.enqueue(new Sequence(r, 0, true)));
            });
            return this;
        }

        RunSummary run() {
            loop.run();
            return metrics.summary();
        }

        @Override
        public void onFinished(SequenceRecord s, long nowNanos) {
            finished.add((Sequence) s);
        }

        @Override
        public void onIteration(IterationRecord it) {
            maxKvUsed = Math.max(maxKvUsed, it.kvUsedBlocks);
            kvUsed.add(it.kvUsedBlocks);
            assertTrue(it.kvUsedBlocks <= it.kvCapacityBlocks);
        }
    }

    @Test
    void everyProposalAcceptedEmitsKPlusOneTokensPerStepInOneBurst() {
        // prompt 10, 13 output tokens, k = 3, α = 1, 10 ms per iteration: it1 [0,10) prefill -> token 1;
        // it2 [10,20) verifies 1 + 3 -> tokens 2..5; it3 [20,30) -> tokens 6..9; it4 [30,40) -> tokens 10..13
        Rig rig = new Rig(100, 3, 1.0).submit(Request.of(0, 0, 10, 13));
        RunSummary s = rig.run();
        Sequence seq = rig.finished.getFirst();
        long[] expected = {10, 20, 20, 20, 20, 30, 30, 30, 30, 40, 40, 40, 40};
        for (int i = 0; i < expected.length; i++) expected[i] *= MS;
        assertArrayEquals(expected, seq.tokenTimes().toArray());
        assertEquals(List.of(new Seen(10, 0, 0, 0), new Seen(4, 1, 10, 3), new Seen(4, 1, 14, 3), new Seen(4, 1, 18, 3)),
                rig.executor.seen, "each verify step schedules 1 + k tokens against the token budget, at its context");
        assertEquals(2.5, s.tpot().mean(), 1e-9, "TPOT over emitted tokens: (40 - 10) / 12 ms");
        assertEquals(10.0, s.itl().mean(), 1e-9, "one ITL gap per emitted chunk, as vLLM's benchmark counts them");
        // lookahead slots before each step: 10 + 4 -> 1 block; 14 + 4 = 18 -> 2 blocks (a plain decode would need 15 -> 1)
        assertEquals(List.of(1, 1, 2, 0), rig.kvUsed);
    }

    @Test
    void theVerifyWidthIsCappedAtTheTokensStillToGenerate() {
        // 6 output tokens, k = 3, α = 1: token 1 at prefill, 4 at step 2, then only 1 left -> a plain decode
        Rig rig = new Rig(100, 3, 1.0).submit(Request.of(0, 0, 10, 6));
        rig.run();
        assertEquals(List.of(new Seen(10, 0, 0, 0), new Seen(4, 1, 10, 3), new Seen(1, 0, 0, 0)), rig.executor.seen);
        assertEquals(6, rig.finished.getFirst().generatedTokens());
    }

    @Test
    void underKvPressureEveryRequestCompletesWithinCapacity() {
        // 12 requests of 40 + 60 tokens (7 blocks each) in 30 blocks: preemptions, never an overflow
        Rig rig = new Rig(30, 4, 0.6);
        for (int i = 0; i < 12; i++) rig.submit(Request.of(i, i * MS, 40, 60));
        RunSummary s = rig.run();
        assertEquals(12, s.completed());
        assertEquals(12 * 60, s.totalOutputTokens());
        assertTrue(s.preemptions() > 0, "the cache was under pressure");
        assertTrue(rig.maxKvUsed <= 30);
        assertEquals(0, rig.kv.usedBlocks());
        for (Sequence seq : rig.finished) assertEquals(60, seq.tokenTimes().size());
    }
}
