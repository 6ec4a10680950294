package dev.servelab.bench;

import dev.servelab.engine.replica.Replica;
import dev.servelab.engine.spi.IterationBatch;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * One scheduling pass of each built-in batch scheduler over a replica with {@code batch} decoding
 * sequences (and batch/8 waiting): {@link Replica#planOnce()}, the real plan with KV allocation. The
 * first pass admits the waiting ones; later passes re-plan the same state (nothing executes), so each
 * operation is one full pass over {@code batch + batch/8} sequences, visited one by one (the steady
 * decode path of a running simulation is measured by {@link ReplicaIterationBench}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SchedulerPassBench {
    @Param({"batch.continuous", "batch.chunked-prefill", "batch.sarathi", "batch.prefill-first", "batch.sjf",
            "batch.static", "batch.priority"})
    public String scheduler;

    @Param({"8", "64", "256"})
    public int batch;

    private Replica replica;

    @Setup
    public void setUp() {
        replica = BenchStates.decoding(scheduler, batch);
        replica.planOnce();
    }

    @Benchmark
    public IterationBatch pass() {
        return replica.planOnce();
    }
}
