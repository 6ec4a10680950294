package dev.servelab.hw.jvm;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servelab.engine.plugin.PluginRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code servelab compare-modes PIPELINE}: the {@link CompareModes} workflow from the command line;
 * prints the per-metric error of the simulation against the live run (a table, or one JSON object).
 */
@Command(name = "compare-modes", mixinStandardHelpOptions = true,
        description = "Run a live pipeline live and in simulation on the same workload; print the per-metric error.")
public final class CompareModesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PIPELINE", description = "A pipeline whose pools use exec.jvm")
    Path pipeline;

    @Option(names = "--profile", paramLabel = "FILE", description = "Use this calibration (a profile JSON) as it is, instead of measuring one now (no profile run)")
    Path profile;

    @Option(names = "--db", paramLabel = "FILE", description = "Run store (default: $SERVELAB_DB or ~/.servelab/runs.db)")
    Path db;

    @Option(names = "--json", description = "One JSON object: run ids and, per metric, live, sim and error")
    boolean json;

    @Option(names = "--calibrate-from", defaultValue = "profile-run",
            description = "profile-run: fit to the iterations of a first live run of the same pipeline with the next"
                    + " seed (default); probes: measure probe batches before the live run; live: refit from the"
                    + " measured live run's own iterations (in sample)")
    String calibrateFrom;

    @Option(names = "--warm-up", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "first run the pipeline live once, unmeasured (next seed but one, arrivals 4x faster, into a"
                    + " temporary store), so that the measured runs see a JVM whose JIT has compiled the live path"
                    + " (default; --no-warm-up skips it)")
    boolean warmUp;

    @Option(names = "--fit", defaultValue = "robust",
            description = "how a live run's iterations are fitted: robust (default; Huber, matches the typical"
                    + " iteration, ignoring rare stalls) or least-squares (matches the mean iteration, stalls included)")
    String fit;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "1",
            description = "run the live side N times on the same workload and seed (one simulation); per metric report"
                    + " the live mean, min-max, a 95 % interval for one run and whether the simulation lies inside it")
    int repeat;

    @Override
    public Integer call() throws IOException {
        CompareModes.Fit f = CompareModes.Fit.parse("--fit", fit);
        CompareModes.CalibrateFrom from = CompareModes.CalibrateFrom.parse("--calibrate-from", calibrateFrom);
        Path store = db != null ? db : dev.servelab.engine.cli.DbOption.defaultPath();
        PrintWriter err = spec.commandLine().getErr();
        CompareModes.Result r = new CompareModes(PluginRegistry.load(), err::println)
                .run(new CompareModes.Request(pipeline, profile, from, f, warmUp, store, repeat));
        print(r);
        return 0;
    }

    private void print(CompareModes.Result r) throws IOException {
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            w.println(new ObjectMapper().writeValueAsString(jsonOf(r)));
            return;
        }
        String from = r.calibratedFrom() + (r.profileRunId() == null ? "" : " " + r.profileRunId())
                + (r.fit() != null ? ", " + r.fit().id() + " fit" : "");
        if (r.liveRunIds().size() > 1) {
            w.printf(Locale.ROOT, "live runs %s vs simulated run %d (calibrated from %s)%n", r.liveRunIds(), r.simRunId(), from);
            printSpreads(w, r);
            return;
        }
        w.printf(Locale.ROOT, "live run %d vs simulated run %d (calibrated from %s)%n%-22s %12s %12s %9s%n",
                r.liveRunId(), r.simRunId(), from, "metric", "live", "sim", "error");
        for (CompareModes.MetricError e : r.metrics()) {
            w.printf(Locale.ROOT, "%-22s %12.3f %12.3f %+8.1f%%%n", e.metric(), e.live(), e.sim(), e.errorPct());
        }
    }

    private static void printSpreads(PrintWriter w, CompareModes.Result r) {
        w.printf(Locale.ROOT, "95 %% interval: where one live run falls (Student's t over the %d runs)%n", r.liveRunIds().size());
        w.printf(Locale.ROOT, "%-22s %11s %23s %23s %11s %8s %7s%n", "metric", "live mean", "live min-max", "live 95 % interval",
                "sim", "vs mean", "inside");
        for (LiveSpread s : r.spreads()) {
            w.printf(Locale.ROOT, "%-22s %11.3f %11.3f-%-11.3f %11.3f-%-11.3f %11.3f %+7.1f%% %7s%n", s.metric(), s.liveMean(),
                    s.liveMin(), s.liveMax(), s.low95(), s.high95(), s.sim(), s.errorPct(), s.inside() ? "yes" : "NO");
        }
    }

    private static Map<String, Object> jsonOf(CompareModes.Result r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("live_run_id", r.liveRunId());
        out.put("sim_run_id", r.simRunId());
        out.put("calibrated_from", r.calibratedFrom());
        if (r.fit() != null) out.put("fit", r.fit().id());
        if (r.profileRunId() != null) out.put("profile_run_id", r.profileRunId());
        Map<String, Map<String, Double>> metrics = new LinkedHashMap<>();
        for (CompareModes.MetricError e : r.metrics()) {
            Map<String, Double> row = new LinkedHashMap<>();
            row.put("live", e.live());
            row.put("sim", e.sim());
            row.put("error_pct", e.errorPct());
            metrics.put(e.metric(), row);
        }
        out.put("metrics", metrics);
        out.put("live_run_ids", r.liveRunIds());
        Map<String, Map<String, Object>> spreads = new LinkedHashMap<>();
        for (LiveSpread s : r.spreads()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("live_mean", s.liveMean());
            row.put("live_min", s.liveMin());
            row.put("live_max", s.liveMax());
            row.put("live_low_95", Double.isNaN(s.low95()) ? null : s.low95());
            row.put("live_high_95", Double.isNaN(s.high95()) ? null : s.high95());
            row.put("sim", s.sim());
            row.put("error_vs_mean_pct", s.errorPct());
            row.put("inside_spread", s.inside());
            row.put("inside_min_max", s.insideRange());
            spreads.put(s.metric(), row);
        }
        out.put("live_spread", spreads);
        return out;
    }
}
