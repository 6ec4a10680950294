package dev.servelab.plugins.batch;

import dev.servelab.engine.observe.SequenceRecord;
import dev.servelab.engine.model.Request;
import dev.servelab.engine.replica.CpuTier;
import dev.servelab.engine.observe.IterationRecord;
import dev.servelab.engine.replica.KvCache;
import dev.servelab.engine.replica.Replica;
import dev.servelab.engine.observe.RunObserver;
import dev.servelab.engine.replica.Sequence;
import dev.servelab.engine.event.EventLoop;
import dev.servelab.engine.spi.BatchScheduler;
import dev.servelab.plugins.kv.LruEviction;
import dev.servelab.plugins.sim.LinearTimeExecutor;

import java.util.ArrayList;
import java.util.List;

/**
 * One real replica whose iterations take {@code base + perToken · tokens} (a linear executor), every
 * request sampled; records each iteration (tokens, duration) and checks the end-of-run invariants.
 */
final class TimedReplica {
    record Iteration(long startNanos, long durationNanos, int prefillTokens, int decodeTokens, int preemptions) {
    }

    final EventLoop loop = new EventLoop();
    final KvCache kv;
    final Replica replica;
    final List<Sequence> finished = new ArrayList<>();
    final List<Iteration> iterations = new ArrayList<>();
    private int submitted;

    TimedReplica(BatchScheduler scheduler, double baseMs, double perTokenMs, int capacityBlocks, int maxSeqs, int maxTokens) {
        this(scheduler, baseMs, perTokenMs, capacityBlocks, maxSeqs, maxTokens, null);
    }

    TimedReplica(BatchScheduler scheduler, double baseMs, double perTokenMs, int capacityBlocks, int maxSeqs, int maxTokens,
                 CpuTier cpuTier) {
        kv = new KvCache(capacityBlocks, 16, new LruEviction(), cpuTier);
        RunObserver observe = new RunObserver() {
            @Override
            public void onFinished(SequenceRecord s, long now) {
                finished.add((Sequence) s);
            }

            @Override
            public void onIteration(IterationRecord r) {
                iterations.add(new Iteration(r.startNanos, r.endNanos - r.startNanos, r.prefillTokens, r.decodeTokens, r.preemptions));
            }
        };
        replica = new Replica(0, "test", scheduler, new LinearTimeExecutor(new LinearTimeExecutor.Settings(baseMs, perTokenMs)),
                kv, true, maxSeqs, maxTokens, loop, new RunObserver[]{observe}, (s, now) -> { });
    }

    TimedReplica submit(Request r) {
        submitted++;
        loop.at(r.arrivalNanos(), () -> {
            String refused = replica.enqueue(new Sequence(r, 0, true));
            if (refused != null) throw new AssertionError(refused);
        });
        return this;
    }

    /** Runs to the end and checks that every request finished and no KV block is still held. */
    TimedReplica run() {
        loop.run();
        if (finished.size() != submitted) throw new AssertionError(finished.size() + " of " + submitted + " finished");
        if (kv.usedBlocks() != 0) throw new AssertionError(kv.usedBlocks() + " KV blocks leaked");
        if (!replica.running().isEmpty() || !replica.waiting().isEmpty()) throw new AssertionError("queues not empty");
        return this;
    }

    Sequence seq(long id) {
        return finished.stream().filter(s -> s.id() == id).findFirst().orElseThrow();
    }

    /** Largest gap between consecutive tokens of a request, in ms. */
    double maxGapMs(long id) {
        long[] t = seq(id).tokenTimes().toArray();
        long max = 0;
        for (int i = 1; i < t.length; i++) max = Math.max(max, t[i] - t[i - 1]);
        return max / 1e6;
    }

    int totalPrefillTokens() {
        return iterations.stream().mapToInt(Iteration::prefillTokens).sum();
    }
}
