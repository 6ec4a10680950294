package dev.servelab.hw.jvm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.pipeline.PipelineLoader;
import dev.servelab.engine.pipeline.PipelineSpec;
import dev.servelab.engine.pipeline.PoolSpec;
import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.engine.run.RunOutcome;
import dev.servelab.engine.run.PipelineRun;
import dev.servelab.engine.store.RunStore;
import dev.servelab.engine.workload.WorkloadFactory;
import dev.servelab.hw.sim.LiveProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code servelab compare-modes PIPELINE}: calibrates the live backend, runs the pipeline live, runs
 * it again in simulation with {@code exec.calibrated} on the same workload and seed, and prints the
 * per-metric error of the simulation against the live run. Both runs are stored.
 */
@Command(name = "compare-modes", mixinStandardHelpOptions = true,
        description = "Run a live pipeline live and in simulation on the same workload; print the per-metric error.")
public final class CompareModesCommand implements Callable<Integer> {
    static final List<String> METRICS = List.of("mean_ttft_ms", "p99_ttft_ms", "mean_tpot_ms", "p99_tpot_ms",
            "mean_e2el_ms", "median_e2el_ms", "p99_e2el_ms", "request_throughput", "output_throughput");

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

    @Override
    public Integer call() throws IOException {
        if (!List.of("least-squares", "robust").contains(fit)) {
            throw new ServeLabException("--fit " + fit + ": expected least-squares or robust");
        }
        if (!List.of("profile-run", "probes", "live").contains(calibrateFrom)) {
            throw new ServeLabException("--calibrate-from " + calibrateFrom + ": expected profile-run, probes or live");
        }
        PipelineSpec live = PipelineLoader.load(pipeline, List.of());
        Path prof = profile != null ? profile : calibrate(live);
        PluginRegistry registry = PluginRegistry.load();
        Path store = db != null ? db : dev.servelab.engine.cli.DbOption.defaultPath();
        if (warmUp) warmUp(live, registry);
        try (RunStore s = RunStore.open(store)) {
            Long profileRunId = null;
            if (calibrateFrom.equals("profile-run") && profile == null) {
                PipelineSpec profileRun = PipelineLoader.load(pipeline, List.of("name=" + live.name() + "-profile-run",
                        "seed=" + (live.seed() + 1)));
                profileRunId = runLive(profileRun, registry, s).runId();
                prof = refit(prof, s, profileRunId);
            }
            RunOutcome l = runLive(live, registry, s);
            if (calibrateFrom.equals("live")) prof = refit(prof, s, l.runId());
            PipelineSpec sim = PipelineLoader.load(pipeline, simOverrides(live, prof));
            RunOutcome m = new PipelineRun(sim, registry, WorkloadFactory.open(registry, sim.workload(), sim.seed(), 0,
                    sim.baseDir()), "compare-modes", 0, s).run("sim", null);
            print(l, m, profileRunId);
        } catch (java.sql.SQLException e) {
            throw new ServeLabException("cannot read the live run's iterations: " + e.getMessage(), e);
        }
        return 0;
    }

    /**
     * One unmeasured live run: the first live run in a JVM is slower than later ones (the JIT is still
     * compiling the live path, on the same cores), which would bias whichever run comes first.
     */
    private void warmUp(PipelineSpec live, PluginRegistry registry) throws IOException {
        PipelineSpec w = PipelineLoader.load(pipeline, List.of("name=" + live.name() + "-warm-up",
                "seed=" + (live.seed() + 2)));
        Path tmp = Files.createTempFile("servelab-warm-up-", ".db");
        long start = System.nanoTime();
        try (RunStore store = RunStore.open(tmp)) {
            runLive(w, registry, store, 4.0);
        } finally {
            for (String suffix : List.of("", "-wal", "-shm")) Files.deleteIfExists(Path.of(tmp + suffix));
        }
        spec.commandLine().getErr().printf(Locale.ROOT, "warm-up live run: %.1f s (not stored)%n",
                (System.nanoTime() - start) / 1e9);
    }

    private static RunOutcome runLive(PipelineSpec p, PluginRegistry registry, RunStore store) throws IOException {
        return runLive(p, registry, store, 1.0);
    }

    private static RunOutcome runLive(PipelineSpec p, PluginRegistry registry, RunStore store, double speed)
            throws IOException {
        return PipelineRun.live(p, registry, WorkloadFactory.open(registry, p.workload(), p.seed(), 0, p.baseDir()),
                "compare-modes", 0, store, speed).run("live", null);
    }

    private static List<String> simOverrides(PipelineSpec live, Path prof) {
        List<String> o = new ArrayList<>();
        for (int i = 0; i < live.pools().size(); i++) {
            o.add("pools." + i + ".executor=exec.calibrated");
            o.add("pools." + i + ".executor.profile=" + prof.toAbsolutePath());
        }
        return o;
    }

    /** The same profile with its iteration model refitted to a live run's recorded iterations. */
    private Path refit(Path probes, RunStore store, long liveRunId) throws IOException, java.sql.SQLException {
        LiveProfile p = LiveProfile.read(probes);
        LiveProfile refit = new LiveProfile(p.backend(), p.modelFile(), p.device(), p.blockSizeTokens(), p.kvCapacityBlocks(),
                LiveRunFit.fit(store, liveRunId, p.blockSizeTokens(), fit.equals("robust")));
        Path out = Files.createTempFile("servelab-profile-live-", ".json");
        refit.write(out);
        spec.commandLine().getErr().printf(Locale.ROOT, "recalibrated from live run %d: R² %.4f (%s)%n", liveRunId,
                refit.fit().r2(), out);
        return out;
    }

    private Path calibrate(PipelineSpec p) throws IOException {
        PoolSpec pool = p.pools().getFirst();
        if (!"exec.jvm".equals(pool.executor().type())) {
            throw new ServeLabException(pool.executor().path() + ".type: compare-modes needs a live pipeline (exec.jvm), found "
                    + pool.executor().type());
        }
        JsonNode file = pool.executor().settings().get("model_file");
        JsonNode budget = pool.executor().settings().get("kv_budget_mib");
        Path model = p.baseDir().resolve(file == null ? "tiny.gguf" : file.asText());
        LiveProfile lp = LiveProfiler.measure("jvm", model, pool.kvCache().blockSizeTokens(),
                budget == null ? 64 : budget.asLong(), 5);
        Path out = Files.createTempFile("servelab-profile-", ".json");
        lp.write(out);
        spec.commandLine().getErr().printf(Locale.ROOT, "calibrated %s: R² %.4f (%s)%n", model, lp.fit().r2(), out);
        return out;
    }

    private void print(RunOutcome live, RunOutcome sim, Long profileRunId) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("live_run_id", live.runId());
        out.put("sim_run_id", sim.runId());
        out.put("calibrated_from", profile != null && !calibrateFrom.equals("live") ? profile.toString() : calibrateFrom);
        boolean refitted = profileRunId != null || calibrateFrom.equals("live");
        if (refitted) out.put("fit", fit);
        if (profileRunId != null) out.put("profile_run_id", profileRunId);
        Map<String, Map<String, Double>> metrics = new LinkedHashMap<>();
        for (String k : METRICS) {
            double l = ((Number) live.summary().get(k)).doubleValue();
            double s = ((Number) sim.summary().get(k)).doubleValue();
            Map<String, Double> row = new LinkedHashMap<>();
            row.put("live", l);
            row.put("sim", s);
            row.put("error_pct", l == 0 ? 0 : 100 * (s - l) / l);
            metrics.put(k, row);
        }
        out.put("metrics", metrics);
        if (json) {
            spec.commandLine().getOut().println(new ObjectMapper().writeValueAsString(out));
            return;
        }
        var w = spec.commandLine().getOut();
        String from = (profile != null && !calibrateFrom.equals("live") ? profile.toString() : calibrateFrom)
                + (profileRunId == null ? "" : " " + profileRunId)
                + (refitted ? ", " + fit + " fit" : "");
        w.printf(Locale.ROOT, "live run %d vs simulated run %d (calibrated from %s)%n%-22s %12s %12s %9s%n",
                live.runId(), sim.runId(), from, "metric", "live", "sim", "error");
        metrics.forEach((k, r) -> w.printf(Locale.ROOT, "%-22s %12.3f %12.3f %+8.1f%%%n", k, r.get("live"), r.get("sim"),
                r.get("error_pct")));
    }
}
