package dev.servelab.app.experiments;

import dev.servelab.engine.store.RunStore;
import dev.servelab.experiments.plot.Pareto;
import dev.servelab.experiments.run.SweepReport;
import dev.servelab.experiments.store.ExperimentInfo;
import dev.servelab.experiments.store.ExperimentStore;
import dev.servelab.experiments.store.StoredPoint;
import dev.servelab.experiments.sweep.SweepMetrics;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Experiments tab's state: the stored experiments, the selected one's points, and the chart's two
 * metrics with the points plotted and their Pareto frontier.
 */
public final class ExperimentsViewModel {
    private final Path db;
    private final ObservableList<ExperimentInfo> experiments = FXCollections.observableArrayList();
    private final ObservableList<PointRow> points = FXCollections.observableArrayList();
    private String x = "cost_per_hour_usd";
    private String y = "p99_ttft_ms";

    public ExperimentsViewModel(Path db) {
        this.db = db;
    }

    public ObservableList<ExperimentInfo> experiments() {
        return experiments;
    }

    public ObservableList<PointRow> points() {
        return points;
    }

    /** Every metric name the chart can use. */
    public List<String> metricNames() {
        return SweepMetrics.names();
    }

    /** Re-reads the list of experiments (nothing when the store does not exist yet). */
    public void refresh() {
        if (!Files.exists(db)) {
            experiments.clear();
            return;
        }
        try (RunStore runs = RunStore.open(db); ExperimentStore xs = ExperimentStore.open(runs)) {
            experiments.setAll(xs.list().reversed());
        }
    }

    /** Loads the points of experiment {@code id}. */
    public void select(long id) {
        try (RunStore runs = RunStore.open(db); ExperimentStore xs = ExperimentStore.open(runs)) {
            List<PointRow> rows = new ArrayList<>();
            for (StoredPoint p : xs.points(id)) {
                rows.add(new PointRow(p.pointId(), p.runId(), p.status().dbValue(), p.feasible(), p.paramsJson(), p.reason(),
                        SweepReport.metrics(p)));
            }
            points.setAll(rows);
        }
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

    /** The Pareto frontier of the feasible plotted points, each metric in its better direction. */
    public List<Pareto.Point> frontier() {
        return Pareto.frontier(plotted().stream().filter(Pareto.Point::feasible).toList(), SweepMetrics.lowerIsBetter(x),
                SweepMetrics.lowerIsBetter(y));
    }
}
