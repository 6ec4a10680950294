package dev.servelab.app.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.servelab.app.data.FxThreadGuard;
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
    private final CompletableFuture<RunOutcome> outcome = new CompletableFuture<>();
    private volatile PipelineRun run;
    private volatile boolean cancelled;
    private volatile String phase = "Preparing";

    private PipelineRunner() {
    }

    /** Validates and builds a simulated run, then starts it (both on the run's thread; see {@link #outcome()}). */
    public static PipelineRunner start(ObjectNode tree, String name, Path baseDir, Path db, PluginRegistry registry) {
        return start(tree, name, baseDir, db, registry, ExecutionMode.SIMULATION, 1);
    }

    /**
     * As {@link #start(ObjectNode, String, Path, Path, PluginRegistry)} in the given mode: live, the
     * pools' live executors are switched to the mode's backend and arrivals replayed {@code speed}
     * times faster on the wall clock; the run is stored with mode {@code live}. Returns at once: the
     * pipeline is validated, its trace opened, the store opened and (live) the model loaded and warmed
     * up on the run's own thread, never the caller's; bad input fails {@link #outcome()} with the
     * {@link dev.servelab.engine.ServeLabException}, and nothing is stored.
     */
    public static PipelineRunner start(ObjectNode tree, String name, Path baseDir, Path db, PluginRegistry registry,
                                       ExecutionMode mode, double speed) {
        return start(tree, name, baseDir, db, registry, mode, speed, 0);
    }

    /** As {@link #start(ObjectNode, String, Path, Path, PluginRegistry, ExecutionMode, double)}, with at most {@code requestLimit} requests (0 = all), as {@code run --requests}. */
    public static PipelineRunner start(ObjectNode tree, String name, Path baseDir, Path db, PluginRegistry registry,
                                       ExecutionMode mode, double speed, long requestLimit) {
        PipelineRunner r = new PipelineRunner();
        Thread t = new Thread(() -> r.prepareAndRun(tree, name, baseDir, db, registry, mode, speed, requestLimit), "servelab-run");
        t.setDaemon(true);
        t.start();
        return r;
    }

    private void prepareAndRun(ObjectNode tree, String name, Path baseDir, Path db, PluginRegistry registry,
                               ExecutionMode mode, double speed, long requestLimit) {
        RunStore store = null;
        try {
            FxThreadGuard.refuse("loading a pipeline and its model");
            PipelineSpec spec = PipelineLoader.fromTree(mode.live() ? onBackend(tree, mode) : tree, name, baseDir);
            phase = "Opening the workload";
            RequestStream stream = WorkloadFactory.open(registry, spec.workload(), spec.seed(), requestLimit, spec.baseDir());
            long expected = expected(spec);
            if (requestLimit > 0) expected = expected == 0 ? requestLimit : Math.min(expected, requestLimit);
            store = RunStore.open(db);
            phase = mode.live() ? "Loading the model and warming up" : "Building the cluster";
            PipelineRun r = mode.live()
                    ? PipelineRun.live(spec, registry, stream, label(spec), expected, store, speed)
                    : new PipelineRun(spec, registry, stream, label(spec), expected, store);
            run = r;
            if (cancelled) r.cancel();
            phase = "Running";
            outcome.complete(r.run(mode.live() ? "live" : "sim", null));
        } catch (Throwable e) {
            outcome.completeExceptionally(e);
        } finally {
            if (store != null) store.close();
        }
    }

    /** What the run's thread is doing: preparing, opening the workload, loading the model, running. */
    public String phase() {
        return phase;
    }

    /** The latest snapshot, or null while the run is being prepared. */
    public RunProgress progress() {
        PipelineRun r = run;
        return r == null ? null : r.progress();
    }

    /** Cancels the run, or (while it is prepared) makes it end as cancelled as soon as it starts. */
    public void cancel() {
        cancelled = true;
        PipelineRun r = run;
        if (r != null) r.cancel();
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
