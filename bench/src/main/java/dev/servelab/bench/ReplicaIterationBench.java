package dev.servelab.bench;

import dev.servelab.engine.event.EventLoop;
import dev.servelab.engine.model.Request;
import dev.servelab.engine.observe.IterationRecord;
import dev.servelab.engine.observe.RunObserver;
import dev.servelab.engine.plugin.PluginKind;
import dev.servelab.engine.replica.KvCache;
import dev.servelab.engine.replica.Replica;
import dev.servelab.engine.replica.Sequence;
import dev.servelab.engine.spi.BatchScheduler;
import dev.servelab.engine.spi.EvictionPolicy;
import dev.servelab.engine.spi.Executor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Whole replica iterations as a simulation runs them — plan (the scheduler's pass), the timing model
 * ({@code exec.roofline}, Llama-3.1-8B on H100), token emission and completions — with {@code batch}
 * sequences arriving together (16-token prompts: one prefill iteration), then decoding 256-768 tokens
 * each, the last one 768: {@value #ITERATIONS} iterations per operation (up to 16 more when the
 * scheduler chunks the prefills, as {@code batch.sarathi} does at batch 64 and 256), reported per
 * {@value #ITERATIONS}.
 * With {@code batch.continuous} the steady decoders are not visited (the engine's decode cohort); with
 * {@code batch.sarathi} (one {@code decode} call per sequence) they are.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ReplicaIterationBench {
    static final int ITERATIONS = 768;

    @Param({"batch.continuous", "batch.sarathi"})
    public String scheduler;

    @Param({"8", "64", "256"})
    public int batch;

    private EventLoop loop;
    private int iterations;

    @Setup(Level.Invocation)
    public void setUp() {
        loop = new EventLoop();
        BatchScheduler s = BenchStates.plugin(PluginKind.SCHEDULER, scheduler, null);
        EvictionPolicy lru = BenchStates.plugin(PluginKind.EVICTION, "kv.lru", null);
        Executor executor = ExecutorPredictionBench.attached("exec.roofline", null, "llama-3.1-8b", "h100-sxm", 1);
        KvCache kv = new KvCache(batch * 64, 16, lru);
        iterations = 0;
        RunObserver counter = new RunObserver() {
            @Override
            public void onIteration(IterationRecord it) {
                iterations++;
            }
        };
        Replica replica = new Replica(0, "bench", s, executor, kv, false, batch, 8192, loop, new RunObserver[] {counter},
                (seq, now) -> { });
        for (int i = 0; i < batch; i++) {
            int output = i == batch - 1 ? ITERATIONS : 256 + (i * 37) % 512;
            Request r = Request.of(i, 0, 16, output);
            loop.at(0, () -> replica.enqueue(new Sequence(r, 0, false)));
        }
    }

    @Benchmark
    @OperationsPerInvocation(ITERATIONS)
    public long iteration() {
        loop.run();
        return loop.nowNanos();
    }

    @TearDown(Level.Invocation)
    public void check() {
        if (iterations < ITERATIONS || iterations > ITERATIONS + 16) {
            throw new IllegalStateException("expected " + ITERATIONS + " iterations (+16 at most), ran " + iterations);
        }
    }
}
