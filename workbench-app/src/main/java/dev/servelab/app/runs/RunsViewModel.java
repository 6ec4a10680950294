package dev.servelab.app.runs;

import dev.servelab.app.data.RunData;
import dev.servelab.app.sla.SlaViewModel;
import dev.servelab.engine.metrics.MetricKey;
import dev.servelab.engine.store.RunInfo;
import dev.servelab.hw.jvm.CompareModes;
import dev.servelab.hw.jvm.LiveSpread;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;

/** The runs browser (every run in the store) and the comparison of the selected runs. */
public final class RunsViewModel {
    private final ObservableList<RunRow> runs = FXCollections.observableArrayList();
    private final ObservableList<RunRow> runsView = FXCollections.unmodifiableObservableList(runs);
    private final ObservableList<RunRow> selected = FXCollections.observableArrayList();
    private final ObservableList<RunRow> selectedView = FXCollections.unmodifiableObservableList(selected);
    private final ObservableList<DeltaRow> deltas = FXCollections.observableArrayList();
    private final ObservableList<DeltaRow> deltasView = FXCollections.unmodifiableObservableList(deltas);
    private final ObservableList<String> comparedLabels = FXCollections.observableArrayList();
    private final ObservableList<String> comparedLabelsView = FXCollections.unmodifiableObservableList(comparedLabels);
    private final SlaViewModel overlay = new SlaViewModel();
    private final ObservableList<ConfigDiff> configDiff = FXCollections.observableArrayList();
    private final ObservableList<ConfigDiff> configDiffView = FXCollections.unmodifiableObservableList(configDiff);
    private final BooleanBinding canCompare = Bindings.size(selected).greaterThanOrEqualTo(2);
    private final ReadOnlyBooleanWrapper simVsLive = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper comparisonTitle = new ReadOnlyStringWrapper("Comparison");
    private final ObservableList<LiveSpread> liveSpreads = FXCollections.observableArrayList();
    private final ObservableList<LiveSpread> liveSpreadsView = FXCollections.unmodifiableObservableList(liveSpreads);
    private final BooleanBinding canCompareModes = Bindings.createBooleanBinding(() -> simLivePair().isPresent(), selected, runs);

    /** Every run in the store, newest first (read-only). */
    public ObservableList<RunRow> runs() {
        return runsView;
    }

    /** The runs selected in the browser, in selection order (read-only; {@link #select} sets them). */
    public ObservableList<RunRow> selected() {
        return selectedView;
    }

    /** Selects these runs (the browser's selection); the config diff follows. */
    public void select(List<RunRow> rows) {
        selected.setAll(rows);
        configDiff.setAll(rows.size() >= 2 ? ConfigDiff.of(rows) : List.of());
    }

    /** The comparison's rows: one metric across the compared runs (read-only). */
    public ObservableList<DeltaRow> deltas() {
        return deltasView;
    }

    /** The compared runs' labels, one per column (read-only). */
    public ObservableList<String> comparedLabels() {
        return comparedLabelsView;
    }

    /** The overlaid charts of the compared runs. */
    public SlaViewModel overlay() {
        return overlay;
    }

    /** True when two or more runs are selected. */
    public BooleanBinding canCompare() {
        return canCompare;
    }

    /** True when the selection (or the store) holds a live and a simulated run of the same pipeline. */
    public BooleanBinding canCompareModes() {
        return canCompareModes;
    }

    /** True while the comparison is a sim-vs-live one: first run live, second simulated, error in %. */
    public ReadOnlyBooleanProperty simVsLiveProperty() {
        return simVsLive.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty comparisonTitleProperty() {
        return comparisonTitle.getReadOnlyProperty();
    }

    public void setRuns(List<RunInfo> infos) {
        runs.setAll(infos.reversed().stream().map(RunRow::of).toList());
    }

    /** Overlays the runs' charts and fills the delta table (values relative to the first run). */
    public void compare(List<RunData> data) {
        compare(data, SlaViewModel.prepare(data));
    }

    /** As {@link #compare(List)}, with the overlay charts already computed (off the JavaFX thread). */
    public void compare(List<RunData> data, SlaViewModel.Prepared charts) {
        simVsLive.set(false);
        liveSpreads.clear();
        comparisonTitle.set("Comparison");
        overlay.show(charts);
        comparedLabels.setAll(data.stream().map(d -> "#" + d.info().runId() + " " + d.info().name()).toList());
        List<DeltaRow> rows = new ArrayList<>();
        for (MetricKey m : MetricKey.COMPARED) {
            List<Double> v = data.stream().map(d -> d.summary().get(m)).toList();
            if (v.stream().anyMatch(x -> !Double.isNaN(x))) rows.add(new DeltaRow(m.key(), v));
        }
        deltas.setAll(rows);
    }

    /**
     * The live and simulated run to set against each other, as {@code [live, sim]}: the two selected
     * runs when one is live and one simulated; with one selected, or none, that run (or the newest live
     * run) and the newest completed run of the other mode with the same pipeline name (the pair
     * {@code servelab compare-modes} stores).
     */
    public Optional<List<Long>> simLivePair() {
        if (selected.size() == 2) {
            RunRow a = selected.get(0), b = selected.get(1);
            if (live(a) && sim(b)) return Optional.of(List.of(a.id(), b.id()));
            if (live(b) && sim(a)) return Optional.of(List.of(b.id(), a.id()));
            return Optional.empty();
        }
        if (selected.size() > 2) return Optional.empty();
        RunRow one = selected.isEmpty() ? runs.stream().filter(r -> live(r) && done(r)).findFirst().orElse(null) : selected.getFirst();
        if (one == null || !done(one) || !(live(one) || sim(one))) return Optional.empty();
        return runs.stream().filter(r -> done(r) && r.name().equals(one.name()) && (live(one) ? sim(r) : live(r))).findFirst()
                .map(o -> live(one) ? List.of(one.id(), o.id()) : List.of(o.id(), one.id()));
    }

    private static boolean live(RunRow r) {
        return "live".equals(r.mode());
    }

    private static boolean sim(RunRow r) {
        return "sim".equals(r.mode());
    }

    private static boolean done(RunRow r) {
        return "completed".equals(r.status());
    }

    /**
     * Overlays a live run and a simulated one and fills the error table of {@link CompareModes} (the
     * service {@code servelab compare-modes} runs): each metric live, sim, and the simulation's error in %.
     */
    public void compareModes(RunData live, RunData sim, SlaViewModel.Prepared charts) {
        overlay.show(charts);
        simVsLive.set(true);
        comparisonTitle.set(String.format(Locale.ROOT, "Sim vs live · %s · live #%d vs simulated #%d · error = (sim − live) / live",
                live.info().name(), live.info().runId(), sim.info().runId()));
        List<DeltaRow> rows = new ArrayList<>();
        for (CompareModes.MetricError e : CompareModes.errors(live.summary().values(), sim.summary().values())) {
            rows.add(new DeltaRow(e.metric(), List.of(e.live(), e.sim())));
        }
        deltas.setAll(rows);
        comparedLabels.setAll("live #" + live.info().runId(), "sim #" + sim.info().runId());
        List<RunRow> group = liveGroup(live.info().runId(), sim.info().runId());
        if (group.isEmpty()) {
            liveSpreads.setAll(CompareModes.spreads(List.of(live.summary().values()), sim.summary().values()));
        } else {
            showLiveBand(group, sim.summary().values());
        }
    }

    /**
     * The live band of a sim-vs-live comparison (read-only): per metric of {@link dev.servelab.engine.metrics.MetricKey#SIM_VS_LIVE},
     * the spread of the live runs of {@link #liveGroup} around the simulated value; empty outside sim vs live.
     */
    public ObservableList<LiveSpread> liveSpreads() {
        return liveSpreadsView;
    }

    /**
     * The live runs a simulated run is judged against: {@code compare-modes --repeat N} stores N live runs and
     * then the simulation, so these are the completed live runs of the same pipeline name stored after the
     * previous simulated run of that name and before {@code simId}, newest first; when {@code liveId} is not
     * among them (a live run picked by hand), that run alone.
     */
    public List<RunRow> liveGroup(long liveId, long simId) {
        RunRow sim = runs.stream().filter(r -> r.id() == simId).findFirst().orElse(null);
        RunRow live = runs.stream().filter(r -> r.id() == liveId).findFirst().orElse(null);
        if (sim == null || live == null) return live == null ? List.of() : List.of(live);
        long previousSim = runs.stream().filter(r -> sim(r) && r.name().equals(sim.name()) && r.id() < simId)
                .mapToLong(RunRow::id).max().orElse(Long.MIN_VALUE);
        List<RunRow> group = runs.stream().filter(r -> live(r) && done(r) && r.name().equals(sim.name())
                && r.id() > previousSim && r.id() < simId).toList();
        return group.stream().anyMatch(r -> r.id() == liveId) ? group : List.of(live);
    }

    /** Sets the live band from the live runs {@code lives} against the simulated run's summary. */
    void showLiveBand(List<RunRow> lives, java.util.Map<String, Double> sim) {
        liveSpreads.setAll(CompareModes.spreads(lives.stream().map(r -> r.summary().values()).toList(), sim));
    }

    /** The delta table as CSV: metric, each run's value, then each later run's change from the first. */
    public String deltasCsv() {
        StringBuilder sb = new StringBuilder("metric");
        for (String l : comparedLabels) sb.append(',').append(quote(l));
        for (int i = 1; i < comparedLabels.size(); i++) sb.append(",delta ").append(quote(comparedLabels.get(i)));
        sb.append('\n');
        for (DeltaRow r : deltas) {
            StringJoiner j = new StringJoiner(",");
            j.add(r.metric());
            for (double v : r.values()) j.add(fmt(v));
            for (int i = 1; i < r.values().size(); i++) j.add(fmt(r.delta(i)));
            sb.append(j).append('\n');
        }
        return sb.toString();
    }

    /** Counts, written as integers in the CSV. */
    private static final java.util.Set<MetricKey> COUNTS = java.util.EnumSet.of(MetricKey.COMPLETED, MetricKey.REJECTED, MetricKey.FAILED,
            MetricKey.TOTAL_INPUT_TOKENS, MetricKey.TOTAL_OUTPUT_TOKENS, MetricKey.ITERATIONS, MetricKey.PREEMPTIONS);

    /**
     * The runs list as CSV: the run, its configuration, then every summary metric (the keys of
     * {@code servelab run --json}, all percentiles), counts as integers, empty where a run has none.
     */
    public String runsCsv() {
        StringBuilder sb = new StringBuilder("run_id,name,mode,status,created,workload,hardware,replicas,tensor_parallel,scheduler,router,executor");
        for (MetricKey k : MetricKey.values()) sb.append(',').append(k.key());
        sb.append('\n');
        for (RunRow r : runs) {
            StringJoiner j = new StringJoiner(",");
            j.add(Long.toString(r.id())).add(quote(r.name())).add(r.mode()).add(r.status()).add(r.created()).add(quote(r.workload()))
                    .add(quote(r.hardware())).add(Integer.toString(r.replicas())).add(quote(r.tp())).add(quote(r.scheduler()))
                    .add(quote(r.router())).add(quote(r.executor()));
            for (MetricKey k : MetricKey.values()) {
                double v = r.summary().get(k);
                j.add(COUNTS.contains(k) && !Double.isNaN(v) ? Long.toString(Math.round(v)) : fmt(v));
            }
            sb.append(j).append('\n');
        }
        return sb.toString();
    }

    /** The settings that differ between the selected runs (read-only; follows the selection). */
    public ObservableList<ConfigDiff> configDiff() {
        return configDiffView;
    }

    /** A metric for the CSV: full precision without exponent for everyday magnitudes, empty when absent. */
    static String fmt(double v) {
        if (!Double.isFinite(v)) return "";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return java.math.BigDecimal.valueOf(v).round(new java.math.MathContext(10)).stripTrailingZeros().toPlainString();
    }

    private static String quote(String s) {
        if (s == null) return "";
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
