package dev.servelab.bench;

import dev.servelab.engine.event.EventLoop;
import dev.servelab.engine.plugin.PluginKind;
import dev.servelab.engine.replica.KvCache;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The engine's structures on their own: the event loop (schedule and run events at random times, 4,096
 * pending) and the KV cache (allocate and free a block; look up a cached prefix key, hit and miss), with
 * 100,000 blocks of 16 tokens and LRU eviction, half of them cached under a prefix key.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EngineStructuresBench {
    private static final int EVENTS = 4096;
    private static final int BLOCKS = 100_000;
    private final long[] times = new long[EVENTS];
    private final Runnable nothing = () -> { };
    private KvCache kv;
    private long[] keys;
    private int next;
    private long now;

    @Setup
    public void setUp() {
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < EVENTS; i++) times[i] = r.nextLong(1_000_000_000L);
        kv = new KvCache(BLOCKS, 16, BenchStates.plugin(PluginKind.EVICTION, "kv.lru", null));
        keys = new long[BLOCKS / 2];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = r.nextLong();
            int b = kv.allocate();
            kv.publish(b, keys[i]);
            kv.release(b, i);
        }
    }

    /** One event: {@value #EVENTS} scheduled at random times, then run in time order. */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long eventLoop() {
        EventLoop loop = new EventLoop();
        for (long t : times) loop.at(t, nothing);
        loop.run();
        return loop.processedEvents();
    }

    /** Allocate one block (from the free list or by evicting a cached one) and free it again. */
    @Benchmark
    public int kvAllocateFree() {
        int b = kv.allocate();
        kv.release(b, ++now);
        return b;
    }

    /** Look up a prefix key that is cached. */
    @Benchmark
    public int kvPrefixHit() {
        next = (next + 7919) % keys.length;
        return kv.lookup(keys[next]);
    }

    /** Look up a prefix key that is not cached. */
    @Benchmark
    public int kvPrefixMiss() {
        return kv.lookup(++now * 0x9E3779B97F4A7C15L);
    }
}
