package dev.servelab.bench;

import dev.servelab.engine.model.Request;
import dev.servelab.engine.replica.Sequence;
import dev.servelab.engine.store.NewRun;
import dev.servelab.engine.store.RunRecorder;
import dev.servelab.engine.store.RunStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The run store's request-row append as the simulation thread sees it: {@link RunRecorder#onFinished}
 * of an ended (not token-sampled) request into a real SQLite file. Rows are buffered and written by the
 * store's own thread; when that thread falls behind, the append waits (bounded queue), so in the long run
 * this measures the slower of the two, i.e. the sustained rows per second of the store.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class StoreAppendBench {
    private Path dir;
    private RunStore store;
    private RunRecorder recorder;
    private final Sequence[] ended = new Sequence[1024];
    private int next;

    @Setup
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("servelab-bench");
        store = RunStore.open(dir.resolve("bench.db"));
        long runId = store.beginRun(new NewRun("bench", "simulate", 1, "bench", 1, 1000, "{}", "{}"));
        recorder = new RunRecorder(store, runId, 1, 1_000_000_000L);
        for (int i = 0; i < ended.length; i++) ended[i] = new Sequence(Request.of(i, i * 1000L, 100 + i, 50 + i), 0, false);
    }

    @Benchmark
    public int appendRequestRow() {
        Sequence s = ended[next++ & (ended.length - 1)];
        recorder.onFinished(s, 0);
        return next;
    }

    @TearDown
    public void tearDown() throws IOException {
        recorder.complete();
        store.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
