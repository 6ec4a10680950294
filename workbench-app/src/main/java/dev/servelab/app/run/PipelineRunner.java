package dev.servelab.app.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.servelab.engine.pipeline.PipelineLoader;
import dev.servelab.engine.pipeline.PipelineSpec;
import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.engine.sim.RunOutcome;
import dev.servelab.engine.sim.RunProgress;
import dev.servelab.engine.sim.SimulationRun;
import dev.servelab.engine.spi.RequestStream;
import dev.servelab.engine.store.RunStore;
import dev.servelab.engine.workload.WorkloadFactory;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * Runs a pipeline tree in simulation on its own thread (never the JavaFX thread) and stores it. The
 * UI polls {@link #progress()} once per frame and may {@link #cancel()} at any time.
 */
public final class PipelineRunner {
    private final SimulationRun run;
    private final RunStore store;
    private final CompletableFuture<RunOutcome> outcome = new CompletableFuture<>();

    private PipelineRunner(SimulationRun run, RunStore store) {
        this.run = run;
        this.store = store;
    }

    /** Validates and builds the run (throws ServeLabException on bad input), then starts it. */
    public static PipelineRunner start(ObjectNode tree, String name, Path baseDir, Path db, PluginRegistry registry) {
        PipelineSpec spec = PipelineLoader.fromTree(tree, name, baseDir);
        RequestStream stream = WorkloadFactory.open(registry, spec.workload(), spec.seed(), 0, spec.baseDir());
        RunStore store = RunStore.open(db);
        try {
            SimulationRun run = new SimulationRun(spec, registry, stream, label(spec), expected(spec), store);
            PipelineRunner r = new PipelineRunner(run, store);
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
            outcome.complete(run.run("sim", null));
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

    private static String label(PipelineSpec p) {
        JsonNode f = p.workload().settings().get("file");
        return p.workload().type() + (f != null ? ":" + f.asText() : "");
    }

    private static long expected(PipelineSpec p) {
        JsonNode n = p.workload().settings().get("requests");
        return n != null && n.canConvertToLong() ? n.asLong() : 0;
    }
}
