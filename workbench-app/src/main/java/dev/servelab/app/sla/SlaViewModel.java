package dev.servelab.app.sla;

import dev.servelab.app.data.RunData;
import dev.servelab.app.data.RunHead;
import dev.servelab.engine.metrics.MetricKey;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Locale;

/**
 * The SLA charts of one or more runs: CDFs of TTFT, TPOT, ITL and E2EL (one curve per run), TTFT and
 * TPOT percentiles over time, throughput and goodput over time, and SLO attainment.
 */
public final class SlaViewModel {
    static final int CDF_POINTS = 400;
    private final ObservableList<Curve> ttft = FXCollections.observableArrayList();
    private final ObservableList<Curve> ttftView = FXCollections.unmodifiableObservableList(ttft);
    private final ObservableList<Curve> tpot = FXCollections.observableArrayList();
    private final ObservableList<Curve> tpotView = FXCollections.unmodifiableObservableList(tpot);
    private final ObservableList<Curve> itl = FXCollections.observableArrayList();
    private final ObservableList<Curve> itlView = FXCollections.unmodifiableObservableList(itl);
    private final ObservableList<Curve> e2el = FXCollections.observableArrayList();
    private final ObservableList<Curve> e2elView = FXCollections.unmodifiableObservableList(e2el);
    private final ObservableList<Curve> ttftOverTime = FXCollections.observableArrayList();
    private final ObservableList<Curve> ttftOverTimeView = FXCollections.unmodifiableObservableList(ttftOverTime);
    private final ObservableList<Curve> tpotOverTime = FXCollections.observableArrayList();
    private final ObservableList<Curve> tpotOverTimeView = FXCollections.unmodifiableObservableList(tpotOverTime);
    private final ObservableList<Curve> throughput = FXCollections.observableArrayList();
    private final ObservableList<Curve> throughputView = FXCollections.unmodifiableObservableList(throughput);
    private final ObservableList<Curve> goodput = FXCollections.observableArrayList();
    private final ObservableList<Curve> goodputView = FXCollections.unmodifiableObservableList(goodput);
    private final ReadOnlyDoubleWrapper ttftSlo = new ReadOnlyDoubleWrapper(Double.NaN);
    private final ReadOnlyDoubleWrapper tpotSlo = new ReadOnlyDoubleWrapper(Double.NaN);
    private final ReadOnlyDoubleWrapper e2elSlo = new ReadOnlyDoubleWrapper(Double.NaN);
    private final ReadOnlyDoubleWrapper attainment = new ReadOnlyDoubleWrapper(Double.NaN);
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper("No run loaded");
    private final ReadOnlyObjectWrapper<Headline> headlineTable = new ReadOnlyObjectWrapper<>(Headline.EMPTY);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);

    /** The TTFT CDFs, one per run (read-only). */
    public ObservableList<Curve> ttft() {
        return ttftView;
    }

    /** The TPOT CDFs, one per run (read-only). */
    public ObservableList<Curve> tpot() {
        return tpotView;
    }

    /** The inter-token latency CDFs, one per run (read-only). */
    public ObservableList<Curve> itl() {
        return itlView;
    }

    /** The end-to-end latency CDFs, one per run (read-only). */
    public ObservableList<Curve> e2el() {
        return e2elView;
    }

    /** The TTFT p50/p90/p99 per window of the first run (read-only). */
    public ObservableList<Curve> ttftOverTime() {
        return ttftOverTimeView;
    }

    /** The TPOT p50/p90/p99 per window of the first run (read-only). */
    public ObservableList<Curve> tpotOverTime() {
        return tpotOverTimeView;
    }

    /** The output and prefill tokens per second of the first run (read-only). */
    public ObservableList<Curve> throughput() {
        return throughputView;
    }

    /** The completions and goodput per second of the first run (read-only). */
    public ObservableList<Curve> goodput() {
        return goodputView;
    }

    /** The TTFT SLO in ms, NaN when none. */
    public ReadOnlyDoubleProperty ttftSloProperty() {
        return ttftSlo.getReadOnlyProperty();
    }

    /** The TPOT SLO in ms, NaN when none. */
    public ReadOnlyDoubleProperty tpotSloProperty() {
        return tpotSlo.getReadOnlyProperty();
    }

    /** The E2E latency SLO in ms, NaN when none. */
    public ReadOnlyDoubleProperty e2elSloProperty() {
        return e2elSlo.getReadOnlyProperty();
    }

    /** The fraction of completed requests meeting every SLO, NaN when none. */
    public ReadOnlyDoubleProperty attainmentProperty() {
        return attainment.getReadOnlyProperty();
    }

    /** One line: run, requests completed, attainment, goodput, SLOs. */
    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    /** The headline table of the run shown (mean/p50/p90/p99 and rates), from its summary. */
    public ReadOnlyObjectProperty<Headline> headlineTableProperty() {
        return headlineTable.getReadOnlyProperty();
    }

    /** True while the shown run's details (the charts' data) are loading. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /**
     * Shows a run's headline table and SLOs at once (from its row, read in milliseconds) and clears the
     * charts until {@link #show(Prepared)} brings its details.
     */
    public void showHead(RunHead h) {
        for (ObservableList<Curve> l : List.of(ttft, tpot, itl, e2el, ttftOverTime, tpotOverTime, throughput, goodput)) l.clear();
        ttftSlo.set(h.slo().ttftMs());
        tpotSlo.set(h.slo().tpotMs());
        e2elSlo.set(h.slo().e2elMs());
        headlineTable.set(Headline.of(h));
        headline.set(headlineTable.get().title() + " · loading the charts…");
        loading.set(true);
    }

    /** Everything the charts show, computed from the runs on any thread (sorting a million latencies takes a while). */
    public record Prepared(List<List<Curve>> cdfs, List<Curve> ttftOverTime, List<Curve> tpotOverTime,
                           List<Curve> throughput, List<Curve> goodput, RunData first, double attainment, int completed) {
    }

    public static Prepared prepare(List<RunData> runs) {
        List<List<Curve>> cdfs = List.of(new java.util.ArrayList<>(), new java.util.ArrayList<>(), new java.util.ArrayList<>(),
                new java.util.ArrayList<>());
        if (runs.isEmpty()) return new Prepared(cdfs, List.of(), List.of(), List.of(), List.of(), null, Double.NaN, 0);
        LatencySamples firstSamples = null;
        boolean mixed = runs.stream().map(r -> r.info().mode()).distinct().count() > 1;
        for (RunData r : runs) {
            LatencySamples s = LatencySamples.of(r.requests(), r.tokens());
            if (firstSamples == null) firstSamples = s;
            String label = runs.size() == 1 ? r.info().name() : "#" + r.info().runId() + " " + r.info().name()
                    + (mixed ? " (" + r.info().mode() + ")" : "");
            cdfs.get(0).add(Cdf.of(label, s.ttft(), CDF_POINTS));
            cdfs.get(1).add(Cdf.of(label, s.tpot(), CDF_POINTS));
            cdfs.get(2).add(Cdf.of(label, s.itl(), CDF_POINTS));
            cdfs.get(3).add(Cdf.of(label, s.e2el(), CDF_POINTS));
        }
        RunData first = runs.getFirst();
        LatencySamples s = firstSamples;
        double window = window(s);
        var ev = first.events();
        return new Prepared(cdfs, OverTime.withEvents(OverTime.percentiles("TTFT", s.finishSeconds(), s.ttft(), window), ev),
                OverTime.withEvents(OverTime.percentiles("TPOT", s.finishSeconds(), s.tpot(), window), ev),
                OverTime.withEvents(OverTime.throughput(first.buckets()), ev),
                OverTime.withEvents(OverTime.goodput(s, first.slo(), window), ev), first, OverTime.attainment(s, first.slo()), s.ttft().length);
    }

    public void show(List<RunData> runs) {
        show(prepare(runs));
    }

    /** Shows prepared charts (on the JavaFX thread when the charts are on screen). */
    public void show(Prepared p) {
        List<ObservableList<Curve>> lists = List.of(ttft, tpot, itl, e2el);
        for (int i = 0; i < 4; i++) lists.get(i).setAll(p.cdfs().get(i));
        ttftOverTime.setAll(p.ttftOverTime());
        tpotOverTime.setAll(p.tpotOverTime());
        throughput.setAll(p.throughput());
        goodput.setAll(p.goodput());
        RunData first = p.first();
        loading.set(false);
        if (first == null) return;
        headlineTable.set(Headline.of(first.head()));
        ttftSlo.set(first.slo().ttftMs());
        tpotSlo.set(first.slo().tpotMs());
        e2elSlo.set(first.slo().e2elMs());
        attainment.set(p.attainment());
        headline.set(String.format(Locale.ROOT, "Run #%d %s — %,d requests completed · SLO attainment %s · goodput %s · SLOs: %s",
                first.info().runId(), first.info().name(), completed(first, p),
                slos(first).equals("none") ? "—" : pct(attainment.get()),
                goodput(first.summary().get("request_goodput")), slos(first)));
    }

    /** The summary's count (warm-up requests of a closed loop excluded, as in the table); the samples' otherwise. */
    static long completed(RunData first, Prepared p) {
        double completed = first.summary().get(MetricKey.COMPLETED);
        return Double.isNaN(completed) ? p.completed() : Math.round(completed);
    }

    /** Goodput in req/s; a run without SLOs has none (vLLM leaves it out), shown as a dash, not NaN. */
    static String goodput(Object value) {
        return value instanceof Number n && Double.isFinite(n.doubleValue())
                ? String.format(Locale.ROOT, "%.2f req/s", n.doubleValue()) : "—";
    }

    private static double window(LatencySamples s) {
        double end = 0;
        for (double f : s.finishSeconds()) end = Math.max(end, f);
        return Math.max(0.001, end / 40);
    }

    private static String slos(RunData r) {
        StringBuilder sb = new StringBuilder();
        if (!Double.isNaN(r.slo().ttftMs())) sb.append("TTFT ≤ ").append(trim(r.slo().ttftMs())).append(" ms  ");
        if (!Double.isNaN(r.slo().tpotMs())) sb.append("TPOT ≤ ").append(trim(r.slo().tpotMs())).append(" ms  ");
        if (!Double.isNaN(r.slo().e2elMs())) sb.append("E2EL ≤ ").append(trim(r.slo().e2elMs())).append(" ms");
        return sb.isEmpty() ? "none" : sb.toString().trim();
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static String pct(double f) {
        return Double.isNaN(f) ? "n/a" : String.format(Locale.ROOT, "%.1f %%", f * 100);
    }
}
