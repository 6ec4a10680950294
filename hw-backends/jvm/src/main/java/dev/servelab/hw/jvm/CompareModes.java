package dev.servelab.hw.jvm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.metrics.MetricKey;
import dev.servelab.engine.pipeline.PipelineLoader;
import dev.servelab.engine.pipeline.PipelineSpec;
import dev.servelab.engine.pipeline.PoolSpec;
import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.engine.run.PipelineRun;
import dev.servelab.engine.run.RunOutcome;
import dev.servelab.engine.spi.BackendUse;
import dev.servelab.engine.store.RunStore;
import dev.servelab.engine.workload.WorkloadFactory;
import dev.servelab.hw.sim.LiveProfile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The compare-modes workflow, one implementation for {@code servelab compare-modes} and the
 * workbench: calibrate the live backend, run a live pipeline live (after an unmeasured warm-up run
 * and, by default, a profile run whose iterations the calibration is fitted to), run it again in
 * simulation with {@code exec.calibrated} on the same workload and seed, and set the two runs'
 * metrics against each other ({@link #errors}). Both runs are stored. With {@code repeat} N > 1 the live
 * side runs N times on the same workload and seed (after one warm-up and one calibration) and each metric
 * gets its live spread ({@link LiveSpread}: mean, min–max, 95 % interval) against the one simulation.
 */
public final class CompareModes {
    /** Where the calibration comes from. */
    public enum CalibrateFrom {
        /** fit to the iterations of a first live run of the same pipeline with the next seed (default) */
        PROFILE_RUN("profile-run"),
        /** measure probe batches before the live run */
        PROBES("probes"),
        /** refit from the measured live run's own iterations (in sample) */
        LIVE("live");

        private final String id;

        CalibrateFrom(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        /** The mode called {@code id}; the error starts with {@code option}. */
        public static CalibrateFrom parse(String option, String id) {
            for (CalibrateFrom c : values()) if (c.id.equals(id)) return c;
            throw new ServeLabException(option + " " + id + ": expected profile-run, probes or live");
        }
    }

    /** How a live run's iterations are fitted. */
    public enum Fit {
        /** Huber: matches the typical iteration, ignoring rare stalls (default) */
        ROBUST("robust"),
        /** matches the mean iteration, stalls included */
        LEAST_SQUARES("least-squares");

        private final String id;

        Fit(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        /** The fit called {@code id}; the error starts with {@code option}. */
        public static Fit parse(String option, String id) {
            for (Fit f : values()) if (f.id.equals(id)) return f;
            throw new ServeLabException(option + " " + id + ": expected least-squares or robust");
        }
    }

    /**
     * One comparison: the live pipeline, a calibration to use as it is ({@code profile}, null to
     * measure one), where to calibrate from, the fit, whether to warm up first, and the run store.
     */
    public record Request(Path pipeline, Path profile, CalibrateFrom calibrateFrom, Fit fit, boolean warmUp, Path store,
                          int repeat) {
        public Request {
            if (repeat < 1) throw new ServeLabException("--repeat " + repeat + ": must be >= 1");
        }

        /** One live run. */
        public Request(Path pipeline, Path profile, CalibrateFrom calibrateFrom, Fit fit, boolean warmUp, Path store) {
            this(pipeline, profile, calibrateFrom, fit, warmUp, store, 1);
        }
    }

    /** One metric of both runs; the simulation's error is relative to the live value (0 when that is 0). */
    public record MetricError(String metric, double live, double sim) {
        public double errorPct() {
            return live == 0 ? 0 : 100 * (sim - live) / live;
        }
    }

    /**
     * What a comparison produced: the stored runs, what the calibration came from (a profile file or
     * a {@link CalibrateFrom} id), the fit when the profile was refitted to a live run (else null), and
     * the per-metric errors.
     */
    public record Result(long liveRunId, long simRunId, Long profileRunId, String calibratedFrom, Fit fit,
                         List<MetricError> metrics, List<Long> liveRunIds, List<LiveSpread> spreads) {
    }

    private final PluginRegistry registry;
    private final Consumer<String> progress;

    /** {@code progress} receives one line per step (calibration, warm-up, refit), e.g. for stderr. */
    public CompareModes(PluginRegistry registry, Consumer<String> progress) {
        this.registry = registry;
        this.progress = progress;
    }

    /** Each of {@link MetricKey#SIM_VS_LIVE} in both summaries, in that order (a missing value is NaN). */
    public static List<MetricError> errors(Map<String, ?> live, Map<String, ?> sim) {
        return MetricKey.SIM_VS_LIVE.stream().map(k -> new MetricError(k.key(), value(live, k.key()), value(sim, k.key()))).toList();
    }

    /** Each of {@link MetricKey#SIM_VS_LIVE} over the live runs' summaries against the simulated one. */
    public static List<LiveSpread> spreads(List<? extends Map<String, ?>> lives, Map<String, ?> sim) {
        return MetricKey.SIM_VS_LIVE.stream().map(k -> LiveSpread.of(k.key(),
                lives.stream().mapToDouble(l -> value(l, k.key())).toArray(), value(sim, k.key()))).toList();
    }

    private static double value(Map<String, ?> summary, String key) {
        return summary.get(key) instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** Runs the workflow; throws {@link ServeLabException} for a pipeline that is not live or a store it cannot read. */
    public Result run(Request r) throws IOException {
        Map<Integer, Path> acceptance = acceptanceFiles(PipelineLoader.load(r.pipeline(), List.of()));
        List<String> liveOverrides = new ArrayList<>();
        acceptance.forEach((i, f) -> liveOverrides.add("pools." + i + ".executor.acceptance_out=" + f.toAbsolutePath()));
        PipelineSpec live = PipelineLoader.load(r.pipeline(), liveOverrides);
        Path prof = r.profile() != null ? r.profile() : calibrate(live);
        if (r.warmUp()) warmUp(r.pipeline(), live);
        try (RunStore s = RunStore.open(r.store())) {
            Long profileRunId = null;
            if (r.calibrateFrom() == CalibrateFrom.PROFILE_RUN && r.profile() == null) {
                PipelineSpec profileRun = PipelineLoader.load(r.pipeline(), List.of("name=" + live.name() + "-profile-run",
                        "seed=" + (live.seed() + 1)));
                profileRunId = runLive(profileRun, s, 1.0).runId();
                prof = refit(prof, s, profileRunId, r.fit());
            }
            List<RunOutcome> lives = new ArrayList<>();
            for (int i = 0; i < r.repeat(); i++) {
                if (r.repeat() > 1) progress.accept("live run " + (i + 1) + " of " + r.repeat());
                lives.add(runLive(live, s, 1.0));
            }
            RunOutcome l = lives.getFirst();
            if (r.calibrateFrom() == CalibrateFrom.LIVE) prof = refit(prof, s, l.runId(), r.fit());
            List<String> simOverrides = simOverrides(live, prof);
            acceptance.forEach((i, f) -> {
                simOverrides.add("pools." + i + ".speculative.acceptance={file: '" + f.toAbsolutePath() + "'}");
                progress.accept("measured acceptance of pool " + i + ": " + describeAcceptance(f) + " (" + f
                        + ") feeds the simulated pool");
            });
            PipelineSpec sim = PipelineLoader.load(r.pipeline(), simOverrides);
            RunOutcome m = new PipelineRun(sim, registry, WorkloadFactory.open(registry, sim.workload(), sim.seed(), 0,
                    sim.baseDir()), "compare-modes", 0, s).run("sim", null);
            boolean refitted = profileRunId != null || r.calibrateFrom() == CalibrateFrom.LIVE;
            String from = r.profile() != null && r.calibrateFrom() != CalibrateFrom.LIVE ? r.profile().toString()
                    : r.calibrateFrom().id();
            return new Result(l.runId(), m.runId(), profileRunId, from, refitted ? r.fit() : null,
                    errors(l.summary(), m.summary()), lives.stream().map(RunOutcome::runId).toList(),
                    spreads(lives.stream().map(RunOutcome::summary).toList(), m.summary()));
        } catch (SQLException e) {
            throw new ServeLabException("cannot read the live run's iterations: " + e.getMessage(), e);
        }
    }

    /**
     * One unmeasured live run: the first live run in a JVM is slower than later ones (the JIT is still
     * compiling the live path, on the same cores), which would bias whichever run comes first.
     */
    private void warmUp(Path pipeline, PipelineSpec live) throws IOException {
        PipelineSpec w = PipelineLoader.load(pipeline, List.of("name=" + live.name() + "-warm-up",
                "seed=" + (live.seed() + 2)));
        Path tmp = Files.createTempFile("servelab-warm-up-", ".db");
        long start = System.nanoTime();
        try (RunStore store = RunStore.open(tmp)) {
            runLive(w, store, 4.0);
        } finally {
            for (String suffix : List.of("", "-wal", "-shm")) Files.deleteIfExists(Path.of(tmp + suffix));
        }
        progress.accept(String.format(Locale.ROOT, "warm-up live run: %.1f s (not stored)", (System.nanoTime() - start) / 1e9));
    }

    /** One live run; a backend that fell back is reported on {@code progress} before it starts. */
    private RunOutcome runLive(PipelineSpec p, RunStore store, double speed) throws IOException {
        PipelineRun run = PipelineRun.live(p, registry, WorkloadFactory.open(registry, p.workload(), p.seed(), 0, p.baseDir()),
                "compare-modes", 0, store, speed);
        run.backends().stream().filter(BackendUse::fellBack).forEach(b -> progress.accept(b.warning()));
        return run.run("live", null);
    }

    /**
     * Where each speculative pool's live executor writes its measured acceptance: the pipeline's own
     * {@code acceptance_out}, else a temporary file; the simulated run reads it as {@code acceptance: {file: …}}.
     */
    private static Map<Integer, Path> acceptanceFiles(PipelineSpec p) throws IOException {
        Map<Integer, Path> files = new java.util.TreeMap<>();
        for (int i = 0; i < p.pools().size(); i++) {
            PoolSpec pool = p.pools().get(i);
            if (pool.speculative() == null || pool.executor() == null) continue;
            JsonNode out = pool.executor().settings().get("acceptance_out");
            files.put(i, out != null && !out.asText().isBlank() ? p.baseDir().resolve(out.asText())
                    : Files.createTempFile("servelab-acceptance-", ".json"));
        }
        return files;
    }

    /** One line: mean accepted per verify step and the per-position rates of a measured acceptance file. */
    private static String describeAcceptance(Path f) {
        try {
            JsonNode j = new com.fasterxml.jackson.databind.ObjectMapper().readTree(f.toFile());
            return String.format(Locale.ROOT, "%.3f accepted per verify step over %d steps, per position %s",
                    j.path("mean_accepted_per_step").asDouble(), j.path("verify_steps").asLong(), j.path("per_position"));
        } catch (IOException e) {
            throw new ServeLabException("the live run wrote no measured acceptance to " + f + ": " + e.getMessage(), e);
        }
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
    private Path refit(Path probes, RunStore store, long liveRunId, Fit fit) throws IOException, SQLException {
        LiveProfile p = LiveProfile.read(probes);
        LiveProfile refit = new LiveProfile(p.backend(), p.modelFile(), p.device(), p.blockSizeTokens(), p.kvCapacityBlocks(),
                LiveRunFit.fit(store, liveRunId, p.blockSizeTokens(), fit == Fit.ROBUST));
        Path out = Files.createTempFile("servelab-profile-live-", ".json");
        refit.write(out);
        progress.accept(String.format(Locale.ROOT, "recalibrated from live run %d: R² %.4f (%s)", liveRunId, refit.fit().r2(), out));
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
        progress.accept(String.format(Locale.ROOT, "calibrated %s: R² %.4f (%s)", model, lp.fit().r2(), out));
        return out;
    }
}
