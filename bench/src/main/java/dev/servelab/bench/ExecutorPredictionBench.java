package dev.servelab.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servelab.engine.plugin.PluginKind;
import dev.servelab.engine.spi.Executor;
import dev.servelab.engine.spi.ExecutorContext;
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

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The timing model's prediction of one iteration ({@link Executor#iterationNanos}) for a batch of
 * {@code batch} decodes plus batch/8 prefills: {@code exec.roofline} and {@code exec.operators}
 * (Llama-3.1-8B on H100 SXM), {@code exec.vidur-tables} (CodeLlama-34B on A100, TP 2, Vidur's
 * prediction tables from {@code -Dservelab.vidur.predictions}, default
 * {@code ../shared/vidur-data/predictions/codellama34b_a100_tp2_block16_maxtok4096}; without them run
 * with {@code -p executor=exec.roofline,exec.operators}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ExecutorPredictionBench {
    @Param({"exec.roofline", "exec.operators", "exec.vidur-tables"})
    public String executor;

    @Param({"8", "64", "256"})
    public int batch;

    private Executor model;
    private IterationBatch iteration;

    @Setup
    public void setUp() {
        if (executor.equals("exec.vidur-tables")) {
            String dir = System.getProperty("servelab.vidur.predictions",
                    "../shared/vidur-data/predictions/codellama34b_a100_tp2_block16_maxtok4096");
            JsonNode settings = new ObjectMapper().createObjectNode().put("predictions", Path.of(dir).toAbsolutePath().toString());
            model = attached(executor, settings, "codellama-34b", "a100-80gb", 2);
        } else {
            model = attached(executor, null, "llama-3.1-8b", "h100-sxm", 1);
        }
        iteration = BenchStates.decoding("batch.continuous", batch).planOnce();
    }

    @Benchmark
    public long predict() {
        return model.iterationNanos(iteration);
    }

    /** Executor {@code id} attached to replica 0 of a pool of {@code model} on {@code hardware}, 16-token blocks. */
    static Executor attached(String id, JsonNode settings, String model, String hardware, int tensorParallel) {
        Executor e = BenchStates.plugin(PluginKind.EXECUTOR, id, settings);
        e.attach(new ExecutorContext("bench", 0, model, hardware, tensorParallel, 16, 0.9, 1, Path.of("."), null));
        return e;
    }
}
