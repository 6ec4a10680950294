package dev.servelab.app.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.servelab.engine.pipeline.PipelineLoader;
import dev.servelab.engine.pipeline.PipelineSpec;
import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.engine.run.RunOutcome;
import dev.servelab.engine.run.RunProgress;
import dev.servelab.engine.run.PipelineRun;
import dev.servelab.engine.spi.RequestStream;
import dev.servelab.engine.store.RunStore;
import dev.servelab.engine.workload.WorkloadFactory;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * Runs a pipeline tree in simulation, or live on a backend, on its own thread (never the JavaFX thread) and stores it. The
 * UI polls {@link #progress()} once per frame and may {@link #cancel()} at any time.
 */
public final class PipelineRunner {
    private final PipelineRun run;
    private final RunStore store;
    private final String mode;
    private final CompletableFuture<RunOutcome> outcome = new CompletableFuture<>();

    private PipelineRunner(PipelineRun run, RunStore store, String mode) {
        this.run = run;
        this.store = store;
        this.mode = mode;
    }

    /** Validates and builds a simulated run (throws ServeLabException on bad input), then starts it. */
    public static PipelineRunner start(ObjectNode tree, String name, Path baseDir, Path db, PluginRegistry registry) {
        return start(tree, name, baseDir, db, registry, ExecutionMode.SIMULATION, 1);
    }

    /**
     * As {@link #start(ObjectNode, String, Path, Path, PluginRegistry)} in the given mode: live, the
     * pools' live executors are switched to the mode's backend and arrivals replayed {@code speed}
     * times faster on the wall clock; the run is stored with mode {@code live}.
     */
    public static PipelineRunner start(ObjectNode tree, String name, Path baseDir, Path db, PluginRegistry registry,
                                       ExecutionMode mode, double speed) {
        return start(tree, name, baseDir, db, registry, mode, speed, 0);
    }

    /** As {@link #start(ObjectNode, String, Path, Path, PluginRegistry, ExecutionMode, double)}, with at most {@code requestLimit} requests (0 = all), as {@code run --requests}. */
    public static PipelineRunner start(ObjectNode tree, String name, Path baseDir, Path db, PluginRegistry registry,
                                       ExecutionMode mode, double speed, long requestLimit) {
        PipelineSpec spec = PipelineLoader.fromTree(mode.live() ? onBackend(tree, mode) : tree, name, baseDir);
        RequestStream stream = WorkloadFactory.open(registry, spec.workload(), spec.seed(), requestLimit, spec.baseDir());
        RunStore store = RunStore.open(db);
        long expected = expected(spec);
        if (requestLimit > 0) expected = expected == 0 ? requestLimit : Math.min(expected, requestLimit);
        try {
            PipelineRun run = mode.live()
                    ? PipelineRun.live(spec, registry, stream, label(spec), expected, store, speed)
                    : new PipelineRun(spec, registry, stream, label(spec), expected, store);
            PipelineRunner r = new PipelineRunner(run, store, mode.live() ? "live" : "sim");
            Thread t = new Thread(r::execute, "servelab-run");
            t.setDaemon(true);
            t.start();
            return r;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    private void execute() {
        try {
            outcome.complete(run.run(mode, null));
        } catch (Throwable e) {
            outcome.completeExceptionally(e);
        } finally {
            store.close();
        }
    }

    public RunProgress progress() {
        return run.progress();
    }

    public void cancel() {
        run.cancel();
    }

    public CompletableFuture<RunOutcome> outcome() {
        return outcome;
    }

    /** A copy of the tree whose pools with a live executor use the mode's one ({@code --backend}); others are left to the loader's check. */
    public static ObjectNode onBackend(ObjectNode tree, ExecutionMode mode) {
        ObjectNode t = tree.deepCopy();
        JsonNode pools = t.get("pools");
        if (pools == null || !pools.isArray()) return t;
        for (JsonNode p : pools) {
            JsonNode ex = p.get("executor");
            String type = ex == null ? null : ex.isTextual() ? ex.asText() : ex.path("type").asText(null);
            if (!ExecutionMode.LIVE_EXECUTORS.contains(type)) continue;
            if (ex.isTextual()) ((ObjectNode) p).put("executor", mode.executor());
            else ((ObjectNode) ex).put("type", mode.executor());
        }
        return t;
    }

    private static String label(PipelineSpec p) {
        JsonNode f = p.workload().settings().get("file");
        return p.workload().type() + (f != null ? ":" + f.asText() : "");
    }

    private static long expected(PipelineSpec p) {
        JsonNode n = p.workload().settings().get("requests");
        return n != null && n.canConvertToLong() ? n.asLong() : 0;
    }
}
