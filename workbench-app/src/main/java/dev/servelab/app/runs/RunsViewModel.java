package dev.servelab.app.runs;

import dev.servelab.app.data.RunData;
import dev.servelab.app.sla.SlaViewModel;
import dev.servelab.engine.store.RunInfo;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/** The runs browser (every run in the store) and the comparison of the selected runs. */
public final class RunsViewModel {
    static final String[] METRICS = {"completed", "duration", "request_throughput", "output_throughput", "mean_ttft_ms",
        "median_ttft_ms", "p99_ttft_ms", "mean_tpot_ms", "p99_tpot_ms", "mean_itl_ms", "p99_itl_ms", "mean_e2el_ms",
        "p99_e2el_ms", "request_goodput", "prefix_cache_hit_ratio", "preemptions"};
    public final ObservableList<RunRow> runs = FXCollections.observableArrayList();
    public final ObservableList<RunRow> selected = FXCollections.observableArrayList();
    public final ObservableList<DeltaRow> deltas = FXCollections.observableArrayList();
    public final ObservableList<String> comparedLabels = FXCollections.observableArrayList();
    public final SlaViewModel overlay = new SlaViewModel();
    public final BooleanBinding canCompare = Bindings.size(selected).greaterThanOrEqualTo(2);

    public void setRuns(List<RunInfo> infos) {
        runs.setAll(infos.reversed().stream().map(RunRow::of).toList());
    }

    /** Overlays the runs' charts and fills the delta table (values relative to the first run). */
    public void compare(List<RunData> data) {
        compare(data, SlaViewModel.prepare(data));
    }

    /** As {@link #compare(List)}, with the overlay charts already computed (off the JavaFX thread). */
    public void compare(List<RunData> data, SlaViewModel.Prepared charts) {
        overlay.show(charts);
        comparedLabels.setAll(data.stream().map(d -> "#" + d.info().runId() + " " + d.info().name()).toList());
        List<DeltaRow> rows = new ArrayList<>();
        for (String m : METRICS) {
            List<Double> v = data.stream().map(d -> d.summary().get(m)).toList();
            if (v.stream().anyMatch(x -> !Double.isNaN(x))) rows.add(new DeltaRow(m, v));
        }
        deltas.setAll(rows);
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

    /** The runs list as CSV. */
    public String runsCsv() {
        StringBuilder sb = new StringBuilder("run_id,name,mode,status,created,workload,completed,request_throughput,mean_ttft_ms,p99_ttft_ms,mean_tpot_ms,request_goodput\n");
        for (RunRow r : runs) {
            sb.append(r.id()).append(',').append(quote(r.name())).append(',').append(r.mode()).append(',').append(r.status())
                    .append(',').append(r.created()).append(',').append(quote(r.workload())).append(',').append(fmt(r.completed()))
                    .append(',').append(fmt(r.requestThroughput())).append(',').append(fmt(r.meanTtftMs())).append(',')
                    .append(fmt(r.p99TtftMs())).append(',').append(fmt(r.meanTpotMs())).append(',').append(fmt(r.goodput())).append('\n');
        }
        return sb.toString();
    }

    static String fmt(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
    }

    private static String quote(String s) {
        if (s == null) return "";
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
