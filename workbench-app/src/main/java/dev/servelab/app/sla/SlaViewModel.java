package dev.servelab.app.sla;

import dev.servelab.app.data.RunData;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
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
    public final ObservableList<Curve> ttft = FXCollections.observableArrayList();
    public final ObservableList<Curve> tpot = FXCollections.observableArrayList();
    public final ObservableList<Curve> itl = FXCollections.observableArrayList();
    public final ObservableList<Curve> e2el = FXCollections.observableArrayList();
    public final ObservableList<Curve> ttftOverTime = FXCollections.observableArrayList();
    public final ObservableList<Curve> tpotOverTime = FXCollections.observableArrayList();
    public final ObservableList<Curve> throughput = FXCollections.observableArrayList();
    public final ObservableList<Curve> goodput = FXCollections.observableArrayList();
    public final DoubleProperty ttftSlo = new SimpleDoubleProperty(Double.NaN);
    public final DoubleProperty tpotSlo = new SimpleDoubleProperty(Double.NaN);
    public final DoubleProperty e2elSlo = new SimpleDoubleProperty(Double.NaN);
    public final DoubleProperty attainment = new SimpleDoubleProperty(Double.NaN);
    public final StringProperty headline = new SimpleStringProperty("No run loaded");

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
        return new Prepared(cdfs, OverTime.percentiles("TTFT", s.finishSeconds(), s.ttft(), window),
                OverTime.percentiles("TPOT", s.finishSeconds(), s.tpot(), window), OverTime.throughput(first.buckets()),
                OverTime.goodput(s, first.slo(), window), first, OverTime.attainment(s, first.slo()), s.ttft().length);
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
        if (first == null) return;
        ttftSlo.set(first.slo().ttftMs());
        tpotSlo.set(first.slo().tpotMs());
        e2elSlo.set(first.slo().e2elMs());
        attainment.set(p.attainment());
        headline.set(String.format(Locale.ROOT, "Run #%d %s — %,d requests completed · SLO attainment %s · goodput %s · SLOs: %s",
                first.info().runId(), first.info().name(), p.completed(),
                slos(first).equals("none") ? "—" : pct(attainment.get()),
                goodput(first.summary().get("request_goodput")), slos(first)));
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
