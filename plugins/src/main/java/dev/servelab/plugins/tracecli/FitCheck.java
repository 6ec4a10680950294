package dev.servelab.plugins.tracecli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.servelab.engine.pipeline.NodeSpec;
import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.plugins.traceprofile.TraceProfile;
import dev.servelab.plugins.traceprofile.TraceStats;

import java.io.IOException;

/**
 * Runs a fitted generator twice to check it against its trace: once as written, for the arrivals
 * (same request count, same span), and once without the rate profile for {@link #LENGTH_SAMPLES}
 * requests, so the length comparison measures the fit rather than the sampling noise of a few
 * thousand draws from a heavy tail.
 */
public record FitCheck(TraceProfile arrivals, TraceProfile lengths) {
    public static final long LENGTH_SAMPLES = 200_000;

    public static FitCheck run(PluginRegistry registry, TraceFit fit, long seed) throws IOException {
        ObjectNode settings = fit.node().deepCopy();
        settings.remove("type");
        TraceProfile arrivals = TraceProfile.of(WorkloadFile.open(registry, new NodeSpec("workload", "workload.gamma", settings), seed, 0, null));
        settings.remove("rate_profile");
        settings.remove("duration_s");
        settings.put("requests", Math.max(LENGTH_SAMPLES, fit.requests()));
        TraceProfile lengths = TraceProfile.of(WorkloadFile.open(registry, new NodeSpec("workload", "workload.gamma", settings), seed, 0, null));
        return new FitCheck(arrivals, lengths);
    }

    /** Arrival statistics of the first run with the length statistics of the second. */
    public TraceStats stats() {
        TraceStats a = arrivals.stats();
        TraceStats l = lengths.stats();
        return new TraceStats(a.count(), a.durationS(), l.input(), l.output(), a.meanRatePerS(), a.interarrivalCv(),
                a.peakMinuteRequests(), a.peakMinute(), null, null);
    }
}
