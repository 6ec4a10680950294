package dev.servelab.engine.replica;

import dev.servelab.engine.event.EventLoop;
import dev.servelab.engine.metrics.MetricsCollector;
import dev.servelab.engine.metrics.RunSummary;
import dev.servelab.engine.model.AdapterId;
import dev.servelab.engine.model.Request;
import dev.servelab.engine.observe.IterationRecord;
import dev.servelab.engine.observe.RunObserver;
import dev.servelab.engine.observe.SequenceRecord;
import dev.servelab.engine.pipeline.SloSpec;
import dev.servelab.engine.spi.Executor;
import dev.servelab.engine.spi.ExecutorContext;
import dev.servelab.engine.spi.IterationBatch;
import dev.servelab.engine.spi.MultiLora;
import dev.servelab.engine.spi.MultiLora.Targets;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A replica with LoRA slots: the max_loras batch rule, swap time on the first iteration, counts. */
class LoraReplicaTest {
    private static final long MS = 1_000_000;

    /** 10 ms per iteration; remembers each batch's LoRA counts. */
    private static final class RecordingExecutor implements Executor {
        final List<long[]> seen = new ArrayList<>();

        @Override
        public void attach(ExecutorContext context) {
        }

        @Override
        public long iterationNanos(IterationBatch b) {
            seen.add(new long[] {b.loraAdapters(), b.loraTokens()});
            return 10 * MS;
        }
    }

    private static final class Rig implements RunObserver {
        final EventLoop loop = new EventLoop();
        final RecordingExecutor executor = new RecordingExecutor();
        final Replica replica;
        final MetricsCollector metrics = new MetricsCollector(SloSpec.NONE);
        final Map<Long, Sequence> finished = new HashMap<>();
        final List<int[]> iterations = new ArrayList<>();

        Rig(int maxLoras, double loadMs) {
            replica = new Replica(0, "gpu", new FifoTestScheduler(), executor, new KvCache(1000, 16, new LruTestEviction()), true,
                    256, 8192, loop, new RunObserver[] {metrics, this}, (s, now) -> { });
            replica.serveLora(new MultiLora(maxLoras, 16, Targets.ATTENTION, loadMs, 25, 2), 0);
            metrics.countLoraSwaps();
        }

        Rig submit(long id, int adapter, int prompt, int output) {
            Request r = Request.of(id, 0, prompt, output).withAdapter(adapter < 0 ? null : AdapterId.of(adapter));
            loop.at(0, () -> {
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
            finished.put(s.request().id(), (Sequence) s);
        }

        @Override
        public void onIteration(IterationRecord it) {
            iterations.add(new int[] {(int) (it.startNanos / MS), (int) (it.endNanos / MS), it.loraAdapters, it.loraSwaps, it.batchSize});
        }
    }

    @Test
    void aSecondAdapterWaitsForTheSlotAndPaysItsLoadOnTheIterationThatFirstUsesIt() {
        // max_loras 1, load 5 ms, 10 ms iterations; A (adapter 0) and B (adapter 1), prompt 10, 2 tokens each.
        // it1 [0,15): A admitted, adapter 0 loaded (10 + 5 ms); B waits (a second adapter). it2 [15,25): A's
        // 2nd token, A leaves. it3 [25,40): B admitted, adapter 1 replaces 0 (10 + 5). it4 [40,50): B's 2nd token.
        Rig rig = new Rig(1, 5).submit(0, 0, 10, 2).submit(1, 1, 10, 2);
        RunSummary s = rig.run();
        assertEquals(List.of("0-15 a1 s1 b1", "15-25 a1 s0 b1", "25-40 a1 s1 b1", "40-50 a1 s0 b1"),
                rig.iterations.stream().map(i -> i[0] + "-" + i[1] + " a" + i[2] + " s" + i[3] + " b" + i[4]).toList());
        assertEquals(25 * MS, rig.finished.get(0L).finishNanos);
        assertEquals(40 * MS, rig.finished.get(1L).firstTokenNanos);
        assertEquals(50 * MS, rig.finished.get(1L).finishNanos);
        assertEquals(2L, s.loraSwaps());
        assertEquals(List.of(1L, 10L), List.of(rig.executor.seen.getFirst()[0], rig.executor.seen.getFirst()[1]),
                "the executor sees 1 adapter and A's 10 prefill tokens");
    }

    @Test
    void requestsOfOneAdapterOrOfTheBaseModelShareTheBatchWithOneLoad() {
        // A and B on adapter 0, C on the base model: all three in the first batch, one 5 ms load.
        Rig rig = new Rig(1, 5).submit(0, 0, 10, 2).submit(1, 0, 10, 2).submit(2, -1, 10, 2);
        RunSummary s = rig.run();
        assertEquals(List.of("0-15 a1 s1 b3", "15-25 a1 s0 b3"),
                rig.iterations.stream().map(i -> i[0] + "-" + i[1] + " a" + i[2] + " s" + i[3] + " b" + i[4]).toList());
        assertEquals(1L, s.loraSwaps());
        assertEquals(20L, rig.executor.seen.getFirst()[1], "LoRA tokens: A's and B's prompts, not C's");
    }

    @Test
    void manyAdaptersNeverExceedMaxLorasInABatch() {
        Rig rig = new Rig(3, 2);
        for (int i = 0; i < 60; i++) rig.submit(i, i % 7, 20 + i, 3 + i % 5);
        RunSummary s = rig.run();
        assertEquals(60, s.completed());
        assertTrue(rig.iterations.stream().allMatch(i -> i[2] <= 3), "at most 3 distinct adapters per batch");
        assertTrue(rig.iterations.stream().anyMatch(i -> i[2] == 3), "the slots are used");
        assertEquals(rig.iterations.stream().mapToLong(i -> i[3]).sum(), s.loraSwaps());
        assertTrue(s.loraSwaps() >= 7, "every adapter was loaded at least once: " + s.loraSwaps());
    }
}
