package dev.servelab.app.experiments;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.engine.store.RunStore;
import dev.servelab.experiments.engines.LocalEngine;
import dev.servelab.experiments.engines.SweepEngine;
import dev.servelab.experiments.plot.HeatGrid;
import dev.servelab.experiments.plot.Pareto;
import dev.servelab.experiments.point.CancelToken;
import dev.servelab.experiments.run.SweepListener;
import dev.servelab.experiments.run.SweepOutcome;
import dev.servelab.experiments.run.SweepRunner;
import dev.servelab.experiments.store.ExperimentInfo;
import dev.servelab.experiments.store.ExperimentStatus;
import dev.servelab.experiments.store.ExperimentStore;
import dev.servelab.experiments.store.StoredPoint;
import dev.servelab.experiments.sweep.SweepMetrics;
import dev.servelab.experiments.sweep.SweepReader;
import dev.servelab.experiments.sweep.SweepSpec;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The Experiments tab's state: the stored experiments, the shown one's points, the chart's two metrics
 * with the Pareto frontier, the heat map's grid, the experiment being composed ({@link ExperimentDraft})
 * and the sweep running from it. A sweep runs on a thread of its own through the experiments module's
 * {@link SweepRunner} and {@link LocalEngine} (the same code as {@code servelab sweep run}); each stored
 * point reaches the lists through {@code fx}, the JavaFX thread in the app. Store reads for the views
 * ({@code refreshAsync}, {@code selectAsync}) run on a loader thread, never on the JavaFX thread.
 */
public final class ExperimentsViewModel {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private final Path db;
    private final PluginRegistry registry;
    private final Executor fx;
    private final ExecutorService io = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "servelab-experiments-load");
        t.setDaemon(true);
        return t;
    });
    private final ObservableList<ExperimentInfo> experiments = FXCollections.observableArrayList();
    private final ObservableList<PointRow> points = FXCollections.observableArrayList();
    private final ExperimentDraft draft = new ExperimentDraft();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty progressText = new SimpleStringProperty("");
    private final LongProperty shown = new SimpleLongProperty(-1);
    private volatile CancelToken cancel;
    private String x = "cost_per_hour_usd";
    private String y = "p99_ttft_ms";

    /** Over the run store {@code db}; results of background work are handed to {@code fx}. */
    public ExperimentsViewModel(Path db, PluginRegistry registry, Executor fx) {
        this.db = db;
        this.registry = registry;
        this.fx = fx;
    }

    public ObservableList<ExperimentInfo> experiments() {
        return experiments;
    }

    public ObservableList<PointRow> points() {
        return points;
    }

    public ExperimentDraft draft() {
        return draft;
    }

    /** True while a sweep runs from the tab. */
    public BooleanProperty running() {
        return running;
    }

    /** Points done of those to run, 0..1. */
    public DoubleProperty progress() {
        return progress;
    }

    /** "12 / 40 points · 3 infeasible · ETA 25 s", or how the last sweep ended. */
    public StringProperty progressText() {
        return progressText;
    }

    /** The experiment whose points are shown, -1 when none. */
    public LongProperty shown() {
        return shown;
    }

    /** Every metric the chart and heat map can use. */
    public List<String> metricNames() {
        return SweepMetrics.names();
    }

    /** Re-reads the list of experiments, newest first, on the calling thread (nothing when the store does not exist yet). */
    public void refresh() {
        experiments.setAll(readExperiments());
    }

    /** Loads the points of experiment {@code id} on the calling thread. */
    public void select(long id) {
        List<PointRow> rows = readPoints(id);
        shown.set(id);
        points.setAll(rows);
    }

    /** {@link #refresh} with the read on the loader thread. */
    public CompletableFuture<Void> refreshAsync() {
        return CompletableFuture.supplyAsync(this::readExperiments, io).thenAcceptAsync(experiments::setAll, fx);
    }

    /** {@link #select} with the read on the loader thread; the running sweep's own experiment is already live. */
    public CompletableFuture<Void> selectAsync(long id) {
        if (running.get() && shown.get() == id) return CompletableFuture.completedFuture(null);
        // another experiment while one runs: its points are read now; coming back to the running one re-reads it
        return CompletableFuture.supplyAsync(() -> readPoints(id), io).thenAcceptAsync(rows -> {
            shown.set(id);
            points.setAll(rows);
        }, fx);
    }

    private List<ExperimentInfo> readExperiments() {
        if (!Files.exists(db)) return List.of();
        try (RunStore runs = RunStore.open(db); ExperimentStore xs = ExperimentStore.open(runs)) {
            return xs.list().reversed();
        }
    }

    private List<PointRow> readPoints(long id) {
        try (RunStore runs = RunStore.open(db); ExperimentStore xs = ExperimentStore.open(runs)) {
            return xs.points(id).stream().map(PointRow::of).toList();
        }
    }

    /**
     * Runs the composed experiment over {@code src} with {@code parallel} workers (0: all cores): writes
     * its sweep file beside the store ({@code sweeps/NAME.yaml}), checks it as {@code sweep run} does,
     * and runs it on a thread of its own. Points fill {@link #points()} as they are stored; the future
     * completes (on {@code fx}) with the outcome, or with the one-line error of a bad sweep. Running the
     * same draft again resumes: only points not yet stored run.
     */
    public CompletableFuture<SweepOutcome> run(PipelineSource src, int parallel) {
        CompletableFuture<SweepOutcome> done = new CompletableFuture<>();
        if (running.get()) {
            done.completeExceptionally(new IllegalStateException("a sweep is already running"));
            return done;
        }
        CancelToken token = new CancelToken();
        cancel = token;
        running.set(true);
        progress.set(-1);
        progressText.set("Checking the sweep…");
        Path base = src.file() != null ? src.file().toAbsolutePath() : Path.of("untitled.yaml").toAbsolutePath();
        var sweepTree = draft.sweep(src, base);
        var baseTree = draft.base(src);
        Thread.ofPlatform().daemon().name("servelab-experiment").start(() -> {
            try {
                SweepSpec spec = SweepReader.read(writeSweep(draft.nameFor(src), sweepTree), registry, baseTree);
                SweepOutcome out = SweepRunner.run(spec, new LocalEngine(), new SweepEngine.Options(db, parallel, null, token), null,
                        new Listener());
                List<ExperimentInfo> list = readExperiments();
                fx.execute(() -> finished(out, list, done));
            } catch (RuntimeException e) {
                fx.execute(() -> {
                    running.set(false);
                    progress.set(0);
                    progressText.set("Not run: " + e.getMessage());
                    done.completeExceptionally(e);
                });
            }
        });
        return done;
    }

    /** Stops the running sweep: points in flight are cancelled, finished ones stay stored, the experiment is marked cancelled. */
    public void cancel() {
        CancelToken c = cancel;
        if (c != null) c.cancel();
    }

    private Path writeSweep(String name, com.fasterxml.jackson.databind.node.ObjectNode tree) {
        Path dir = db.toAbsolutePath().getParent().resolve("sweeps");
        Path file = dir.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + ".yaml");
        try {
            Files.createDirectories(dir);
            Files.writeString(file, "# composed in the workbench's Experiments tab; run again with: servelab sweep run " + file.getFileName()
                    + " --db " + db.toAbsolutePath() + "\n" + YAML.writeValueAsString(tree));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private void finished(SweepOutcome out, List<ExperimentInfo> list, CompletableFuture<SweepOutcome> done) {
        running.set(false);
        experiments.setAll(list);
        points.setAll(out.points().stream().map(PointRow::of).toList());
        long feasible = out.points().stream().filter(StoredPoint::feasible).count();
        progress.set(out.status() == ExperimentStatus.COMPLETED ? 1 : progress.get());
        progressText.set(String.format(Locale.ROOT, "%s: experiment #%d, %d points (%d feasible), %d run now in %.1f s",
                out.status() == ExperimentStatus.COMPLETED ? "Completed" : "Cancelled", out.experimentId(), out.points().size(), feasible,
                out.ranNow(), out.seconds()));
        done.complete(out);
    }

    /** Hears the sweep on its thread and hands each step to the JavaFX thread. */
    private final class Listener implements SweepListener {
        private final long startNanos = System.nanoTime();
        private volatile long experimentId = -1;
        private int toRun;
        private int done;
        private int infeasible;

        @Override
        public void started(long experimentId, int toRun, List<StoredPoint> stored) {
            this.experimentId = experimentId;
            this.toRun = toRun;
            List<PointRow> rows = stored.stream().map(PointRow::of).toList();
            List<ExperimentInfo> list = readExperiments();
            fx.execute(() -> {
                experiments.setAll(list);
                shown.set(experimentId);
                points.setAll(rows);
                progress.set(toRun == 0 ? 1 : 0);
                progressText.set(String.format(Locale.ROOT, "0 / %d points%s", toRun,
                        stored.isEmpty() ? "" : " (" + stored.size() + " already stored)"));
            });
        }

        @Override
        public void point(StoredPoint p) {
            done++;
            if (!p.feasible()) infeasible++;
            double s = (System.nanoTime() - startNanos) / 1e9;
            double eta = done < toRun ? s / done * (toRun - done) : 0;
            String text = String.format(Locale.ROOT, "%d / %d points · %d not feasible · %.1f s%s", done, toRun, infeasible, s,
                    done < toRun ? String.format(Locale.ROOT, " · ETA %.0f s", eta) : "");
            double f = toRun == 0 ? 1 : (double) done / toRun;
            PointRow row = PointRow.of(p);
            fx.execute(() -> {
                if (shown.get() == experimentId) upsert(row);
                progress.set(f);
                progressText.set(text);
            });
        }
    }

    private void upsert(PointRow row) {
        for (int i = 0; i < points.size(); i++) {
            if (points.get(i).pointId() == row.pointId()) {
                points.set(i, row);
                return;
            }
        }
        points.add(row);
    }

    public void axes(String xMetric, String yMetric) {
        x = xMetric;
        y = yMetric;
    }

    public String x() {
        return x;
    }

    public String y() {
        return y;
    }

    /** The varied fields of the shown points, in the order the sweep names them. */
    public List<String> axisPaths() {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (PointRow p : points) out.addAll(p.values().keySet());
        return new ArrayList<>(out);
    }

    /** A metric over two varied fields of the shown points (null unless both are varied). */
    public HeatGrid heat(String xPath, String yPath, String metric) {
        List<String> paths = axisPaths();
        if (xPath == null || yPath == null || metric == null || !paths.contains(xPath) || !paths.contains(yPath)) return null;
        return HeatGrid.of(points.stream().map(PointRow::stored).toList(), xPath, yPath, metric);
    }

    /** The completed points that have both chart metrics. */
    public List<Pareto.Point> plotted() {
        List<Pareto.Point> out = new ArrayList<>();
        for (PointRow p : points) {
            double a = p.metric(x);
            double b = p.metric(y);
            if (!Double.isNaN(a) && !Double.isNaN(b)) out.add(new Pareto.Point(p.pointId(), a, b, p.feasible()));
        }
        return out;
    }

    /** The Pareto frontier of the feasible plotted points, each metric in its better direction, by x. */
    public List<Pareto.Point> frontier() {
        List<Pareto.Point> f = new ArrayList<>(Pareto.frontier(plotted().stream().filter(Pareto.Point::feasible).toList(),
                SweepMetrics.lowerIsBetter(x), SweepMetrics.lowerIsBetter(y)));
        f.sort(java.util.Comparator.comparingDouble(Pareto.Point::x));
        return f;
    }

    /**
     * Copies stored experiment {@code e}'s sweep — name, axes, constraints, objective, seeds and search —
     * into the draft, to run it again (on the open pipeline) or change it.
     */
    public void adopt(ExperimentInfo e) {
        com.fasterxml.jackson.databind.JsonNode s;
        try {
            s = new ObjectMapper().readTree(e.sweepJson());
        } catch (com.fasterxml.jackson.core.JsonProcessingException x) {
            throw new IllegalStateException(x);
        }
        draft.name().set(e.name());
        List<AxisDraft> axes = new ArrayList<>();
        s.path("vary").properties().forEach(v -> axes.add(new AxisDraft(v.getKey(), valuesText(v.getValue()))));
        draft.axes().setAll(axes);
        List<ConstraintDraft> cs = new ArrayList<>();
        s.path("constraints").properties().forEach(c -> cs.add(new ConstraintDraft(c.getKey(), c.getValue().asText())));
        draft.constraints().setAll(cs);
        var o = s.path("objective");
        draft.objectiveDirection().set(o.has("minimize") ? "minimize" : o.has("maximize") ? "maximize" : "none");
        if (o.has("minimize") || o.has("maximize")) draft.objectiveMetric().set(o.path(o.has("minimize") ? "minimize" : "maximize").asText());
        List<String> seeds = new ArrayList<>();
        s.path("seeds").forEach(n -> seeds.add(n.asText()));
        draft.seeds().set(String.join(", ", seeds));
        var search = s.path("search");
        draft.search().set(search.has("random") ? ExperimentDraft.SearchKind.RANDOM : search.has("lhs") ? ExperimentDraft.SearchKind.LHS
                : ExperimentDraft.SearchKind.GRID);
        if (search.has("random") || search.has("lhs")) draft.searchPoints().set(search.path(search.has("random") ? "random" : "lhs").asInt());
    }

    private static String valuesText(com.fasterxml.jackson.databind.JsonNode v) {
        if (v.has("values")) v = v.get("values");
        if (v.has("range")) {
            var r = v.get("range");
            return r.get(0).asText() + ".." + r.get(1).asText() + (r.size() == 3 ? " step " + r.get(2).asText() : "");
        }
        List<String> out = new ArrayList<>();
        v.forEach(n -> out.add(n.asText()));
        return String.join(", ", out);
    }

    /** The row of point {@code id}, or null. */
    public PointRow point(int id) {
        return points.stream().filter(p -> p.pointId() == id).findFirst().orElse(null);
    }
}
