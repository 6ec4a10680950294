package dev.servelab.plugins.tracecli;

import dev.servelab.engine.workload.TraceTransforms;
import picocli.CommandLine.Option;

/** The trace transformations as command-line options (the same keys a pipeline's trace node takes). */
public final class TransformOptions {
    @Option(names = "--window-start-s", paramLabel = "S", description = "Keep arrivals from this time on (seconds from the first request)")
    double windowStartS;

    @Option(names = "--window-end-s", paramLabel = "S", description = "Keep arrivals before this time (seconds)")
    double windowEndS = Double.POSITIVE_INFINITY;

    @Option(names = "--replay", paramLabel = "N", description = "Play the trace N times back to back, ids shifted")
    int replay = 1;

    @Option(names = "--rate-scale", paramLabel = "X", description = "Multiply the arrival rate (2 = twice as fast)")
    double rateScale = 1.0;

    @Option(names = "--limit", paramLabel = "N", description = "Stop after N requests (0 = all)")
    long limit;

    TraceTransforms transforms() {
        return new TraceTransforms(windowStartS, windowEndS, replay, rateScale, limit);
    }
}
