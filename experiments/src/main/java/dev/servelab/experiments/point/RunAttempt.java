package dev.servelab.experiments.point;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.metrics.RunCost;
import dev.servelab.engine.pipeline.PipelineLoader;
import dev.servelab.engine.pipeline.PipelineSpec;
import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.engine.run.PipelineRun;
import dev.servelab.engine.run.RunOutcome;
import dev.servelab.engine.spi.RequestStream;
import dev.servelab.engine.store.RunStatus;
import dev.servelab.engine.store.RunStore;
import dev.servelab.engine.workload.WorkloadFactory;
import dev.servelab.experiments.sweep.SweepMetrics;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * One simulated run of a point's pipeline tree, stored as any {@code servelab run} is: the outcome's
 * status, the run id (-1 when the pipeline could not be built) and its metrics (the summary with the
 * cost keys at the sweep's prices and {@code slo_attainment}).
 */
record RunAttempt(PointStatus status, String reason, long runId, Map<String, Object> metrics) {

    static RunAttempt run(ObjectNode tree, String name, Path baseDir, PluginRegistry registry, RunStore store,
                          ToDoubleFunction<String> prices, CancelToken cancel) {
        if (cancel.cancelled()) return new RunAttempt(PointStatus.CANCELLED, "cancelled", -1, null);
        PipelineSpec spec;
        PipelineRun run;
        try {
            spec = PipelineLoader.fromTree(tree, name, baseDir);
            RequestStream stream = WorkloadFactory.open(registry, spec.workload(), spec.seed(), 0, spec.baseDir());
            run = new PipelineRun(spec, registry, stream, label(spec), expected(spec), store);
        } catch (ServeLabException e) {
            return new RunAttempt(PointStatus.INFEASIBLE, e.getMessage(), -1, null);
        }
        cancel.started(run);
        RunOutcome out;
        try {
            out = run.run("sim", null);
        } catch (RuntimeException e) {
            return new RunAttempt(PointStatus.FAILED, e instanceof ServeLabException ? e.getMessage() : e.toString(), -1, null);
        } finally {
            cancel.ended(run);
        }
        if (out.status() != RunStatus.COMPLETED) return new RunAttempt(PointStatus.CANCELLED, out.error(), out.runId(), null);
        Map<String, Object> metrics = new LinkedHashMap<>(out.summary());
        RunCost.of(spec, out.metrics(), prices).putInto(metrics);
        metrics.put(SweepMetrics.SLO_ATTAINMENT, SweepMetrics.sloAttainment(metrics));
        return new RunAttempt(PointStatus.COMPLETED, null, out.runId(), metrics);
    }

    private static String label(PipelineSpec p) {
        return p.workload().type() + (p.workload().settings().has("file") ? ":" + Path.of(p.workload().settings().get("file").asText()).getFileName() : "");
    }

    private static long expected(PipelineSpec p) {
        var n = p.workload().settings().get("requests");
        return n != null && n.canConvertToLong() ? n.asLong() : 0;
    }
}
