package dev.servelab.plugins.batch;

import dev.servelab.engine.observe.SequenceRecord;
import dev.servelab.engine.model.Request;
import dev.servelab.engine.replica.KvCache;
import dev.servelab.engine.replica.Replica;
import dev.servelab.engine.observe.RunObserver;
import dev.servelab.engine.replica.Sequence;
import dev.servelab.engine.event.EventLoop;
import dev.servelab.engine.spi.BatchScheduler;
import dev.servelab.engine.spi.EvictionPolicy;
import dev.servelab.plugins.kv.LruEviction;

import java.util.ArrayList;
import java.util.List;

/** One real replica (scheduler, KV cache, eviction) on a real event loop, fed requests at their arrival times. */
final class ReplicaHarness {
    final EventLoop loop = new EventLoop();
    final FixedTimeExecutor executor;
    final KvCache kv;
    final Replica replica;
    final List<Sequence> finished = new ArrayList<>();
    final List<String> rejected = new ArrayList<>();

    ReplicaHarness(BatchScheduler scheduler, long iterationNanos, int capacityBlocks, int blockSize, int maxSeqs,
                   int maxTokens) {
        this(scheduler, new LruEviction(), iterationNanos, capacityBlocks, blockSize, maxSeqs, maxTokens);
    }

    ReplicaHarness(BatchScheduler scheduler, EvictionPolicy eviction, long iterationNanos, int capacityBlocks,
                   int blockSize, int maxSeqs, int maxTokens) {
        executor = new FixedTimeExecutor(iterationNanos);
        kv = new KvCache(capacityBlocks, blockSize, eviction);
        RunObserver collect = new RunObserver() {
            @Override
            public void onFinished(SequenceRecord s, long now) {
                finished.add((Sequence) s);
            }
        };
        replica = new Replica(0, "test", scheduler, executor, kv, true, maxSeqs, maxTokens, loop,
                new RunObserver[]{collect}, (s, now) -> { });
    }

    void submit(Request r, boolean sampled) {
        loop.at(r.arrivalNanos(), () -> {
            String refused = replica.enqueue(new Sequence(r, 0, sampled));
            if (refused != null) rejected.add(refused);
        });
    }

    void run() {
        loop.run();
    }
}
