package dev.servelab.hw.perf.cli;

import dev.servelab.hw.perf.operator.IterationShape;
import dev.servelab.hw.perf.PerformanceModel;
import dev.servelab.hw.perf.model.ModelSpec;
import dev.servelab.hw.perf.vidur.VidurBatchTimer;
import dev.servelab.hw.perf.vidur.VidurLatencyTables;
import java.nio.file.Path;

/** Times an iteration with Vidur's latency tables for the same model and parallelism as a {@link PerformanceModel}. */
final class VidurComparison {
    private VidurComparison() {}

    static double iterationMs(Path tables, PerformanceModel pm, IterationShape shape) {
        ModelSpec m = pm.model();
        VidurBatchTimer timer = new VidurBatchTimer(VidurLatencyTables.read(tables), m.numLayers(),
                pm.deployment().tensorParallel(), pm.deployment().pipelineParallel(), m.numHeads() > m.numKvHeads());
        return timer.iterationMs(shape);
    }
}
