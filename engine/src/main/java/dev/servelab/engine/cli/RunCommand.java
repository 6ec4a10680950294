package dev.servelab.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.pipeline.PipelineLoader;
import dev.servelab.engine.pipeline.PipelineSpec;
import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.engine.run.RunOutcome;
import dev.servelab.engine.run.PipelineRun;
import dev.servelab.engine.spi.BackendUse;
import dev.servelab.engine.spi.RequestStream;
import dev.servelab.engine.store.RunStatus;
import dev.servelab.engine.store.RunStore;
import dev.servelab.engine.workload.TraceSniffer;
import dev.servelab.engine.workload.ConcurrencyCap;
import dev.servelab.engine.workload.WorkloadFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** {@code servelab run PIPELINE}: simulates a pipeline and stores the run. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Simulate a pipeline (YAML or JSON) and store the run; prints vLLM-style metrics.")
public final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PIPELINE", description = "Pipeline file (.yaml, .yml or .json)")
    Path pipeline;

    @Option(names = "--trace", paramLabel = "FILE", description = "Replay this trace instead of the pipeline's workload")
    Path trace;

    @Option(names = "--format", paramLabel = "ID", description = "Trace format id (e.g. trace.azure-2023); guessed when omitted")
    String format;

    @Option(names = "--requests", paramLabel = "N", description = "Use at most N requests")
    Long requests;

    @Option(names = "--seed", paramLabel = "N", description = "Override the pipeline's seed")
    Long seed;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a pipeline field by dotted path, e.g. pools.0.replicas=8")
    List<String> sets = new ArrayList<>();

    @Mixin
    DbOption db;

    @Option(names = "--json", description = "Print exactly one JSON object (vLLM result keys) on stdout")
    boolean json;

    @Option(names = "--live", description = "Run live: wall clock and real backends instead of simulation"
            + " (implied by a pipeline with a remote pool)")
    boolean live;

    @Option(names = "--backend", paramLabel = "ID", description = "Live backend for every pool: a live executor's id without exec. (e.g. jvm; sets executor type exec.ID)")
    String backend;

    @Option(names = "--speed", paramLabel = "X", defaultValue = "1.0",
            description = "Live only: replay arrivals X times faster than recorded (default ${DEFAULT-VALUE})")
    double speed;

    @Option(names = "--max-concurrency", paramLabel = "N",
            description = "At most N requests in flight (as vllm bench serve --max-concurrency): a request waits for a free slot")
    Integer maxConcurrency;

    @Override
    public Integer call() {
        if (requests != null && requests < 1) throw new ServeLabException("--requests must be >= 1");
        if (maxConcurrency != null && maxConcurrency < 1) throw new ServeLabException("--max-concurrency must be >= 1");
        List<String> overrides = new ArrayList<>(sets);
        if (seed != null) overrides.add("seed=" + seed);
        if (backend != null && !live) throw new ServeLabException("--backend needs --live");
        if (!(speed > 0)) throw new ServeLabException("--speed must be > 0");
        PipelineSpec p = PipelineLoader.load(pipeline, overrides);
        if (backend != null) p = LiveBackends.apply(p, backend, pipeline, overrides);
        boolean live = this.live || p.hasRemotePools();
        PluginRegistry registry = PluginRegistry.load();
        long limit = requests == null ? 0 : requests;
        String label;
        RequestStream stream;
        if (trace != null) {
            String fmt = format != null ? format : TraceSniffer.sniff(registry, trace);
            stream = WorkloadFactory.openTrace(registry, fmt, null, trace, 1.0, limit, "--trace");
            label = fmt + ":" + trace.getFileName();
        } else {
            stream = WorkloadFactory.open(registry, p.workload(), p.seed(), limit, p.baseDir());
            label = describe(p);
        }
        if (maxConcurrency != null) stream = new ConcurrencyCap(stream, maxConcurrency);
        try (RunStore store = RunStore.open(db.path())) {
            PipelineRun run = live
                    ? PipelineRun.live(p, registry, stream, label, expected(p, limit), store, speed)
                    : new PipelineRun(p, registry, stream, label, expected(p, limit), store);
            run.backends().stream().filter(BackendUse::fellBack).forEach(b -> spec.commandLine().getErr().println(b.warning()));
            CountDownLatch marked = new CountDownLatch(1);
            Thread hook = new Thread(() -> cancelAndWait(run, marked), "servelab-cancel");
            Runtime.getRuntime().addShutdownHook(hook);
            RunOutcome out;
            // the hook waits for `marked`, which counts down only after the cancelled line is out:
            // on Ctrl-C the JVM halts as soon as the hook returns
            try {
                out = run.run(live ? "live" : "sim", new ProgressPrinter(spec.commandLine().getErr()));
                if (out.status() == RunStatus.CANCELLED) {
                    spec.commandLine().getErr().println("cancelled: " + out.error() + " (run " + out.runId() + " marked cancelled)");
                    spec.commandLine().getErr().flush();
                    return Main.EXIT_CANCELLED;
                }
            } finally {
                marked.countDown();
                removeHook(hook);
            }
            if (json) spec.commandLine().getOut().println(Json.compact(out.summary()));
            else SummaryTable.print(spec.commandLine().getOut(), out, db.path(), live);
            return 0;
        }
    }

    /** On Ctrl-C: stop the loop and give the run time to mark itself cancelled in the store. */
    private static void cancelAndWait(PipelineRun run, CountDownLatch marked) {
        run.cancel();
        try {
            marked.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException ignored) {
            // the JVM is already shutting down
        }
    }

    private static String describe(PipelineSpec p) {
        return p.workload().type() + (p.workload().settings().has("file") ? ":" + p.workload().settings().get("file").asText() : "");
    }

    private static long expected(PipelineSpec p, long limit) {
        JsonNode n = p.workload().settings().get("requests");
        long fromPipeline = n != null && n.canConvertToLong() ? n.asLong() : 0;
        if (limit > 0) return fromPipeline > 0 ? Math.min(limit, fromPipeline) : limit;
        return fromPipeline;
    }
}
