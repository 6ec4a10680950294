package dev.servelab.app.experiments;

import dev.servelab.experiments.plot.Pareto;
import javafx.scene.Cursor;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tooltip;

import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;

/**
 * The Pareto chart of two metrics: feasible points in blue, points that violate a constraint greyed, and
 * the frontier of the feasible ones drawn as a green line (a line chart whose first two series show only
 * their symbols). Clicking a dot hands its point id to {@code onPoint}.
 */
public final class ParetoChart extends LineChart<Number, Number> {
    private final IntConsumer onPoint;

    public ParetoChart(IntConsumer onPoint) {
        super(axis(), axis());
        this.onPoint = onPoint;
        getStyleClass().add("pareto-chart");
        setAnimated(false);
        setAxisSortingPolicy(SortingPolicy.NONE);
        setLegendVisible(true);
    }

    private static NumberAxis axis() {
        NumberAxis a = new NumberAxis();
        a.setForceZeroInRange(false);
        return a;
    }

    /**
     * Plots {@code points} and {@code frontier} with these axis titles; {@code fitFeasible}: the axes span
     * the feasible points (with a margin), so a few far-off infeasible ones do not flatten them (those
     * outside are left out of view), else every point.
     */
    public void show(String xLabel, String yLabel, List<Pareto.Point> points, List<Pareto.Point> frontier, boolean fitFeasible) {
        List<Pareto.Point> span = fitFeasible ? near(points) : List.of();
        range((NumberAxis) getXAxis(), span.stream().mapToDouble(Pareto.Point::x).toArray());
        range((NumberAxis) getYAxis(), span.stream().mapToDouble(Pareto.Point::y).toArray());
        XYChart.Series<Number, Number> feasible = new XYChart.Series<>();
        feasible.setName("meets constraints");
        XYChart.Series<Number, Number> other = new XYChart.Series<>();
        other.setName("violates a constraint");
        for (Pareto.Point p : points) {
            XYChart.Data<Number, Number> d = new XYChart.Data<>(p.x(), p.y());
            d.setExtraValue(p.id());
            (p.feasible() ? feasible : other).getData().add(d);
        }
        XYChart.Series<Number, Number> line = new XYChart.Series<>();
        line.setName("Pareto frontier");
        for (Pareto.Point p : frontier) line.getData().add(new XYChart.Data<>(p.x(), p.y()));
        getXAxis().setLabel(xLabel);
        getYAxis().setLabel(yLabel);
        getData().setAll(List.of(feasible, other, line));
        for (XYChart.Series<Number, Number> s : List.of(feasible, other)) {
            for (XYChart.Data<Number, Number> d : s.getData()) clickable(d, xLabel, yLabel);
        }
        // the frontier's rings sit on top of feasible dots: clicks go through them to the dot
        for (XYChart.Data<Number, Number> d : line.getData()) if (d.getNode() != null) d.getNode().setMouseTransparent(true);
        if (line.getNode() != null) line.getNode().setMouseTransparent(true);
    }

    /** The feasible points and those within one feasible span of them on both axes (none when no point is feasible). */
    private static List<Pareto.Point> near(List<Pareto.Point> points) {
        List<Pareto.Point> ok = points.stream().filter(Pareto.Point::feasible).toList();
        if (ok.isEmpty()) return ok;
        double x0 = ok.stream().mapToDouble(Pareto.Point::x).min().orElseThrow();
        double x1 = ok.stream().mapToDouble(Pareto.Point::x).max().orElseThrow();
        double y0 = ok.stream().mapToDouble(Pareto.Point::y).min().orElseThrow();
        double y1 = ok.stream().mapToDouble(Pareto.Point::y).max().orElseThrow();
        double wx = Math.max(x1 - x0, Math.abs(x1) * 0.1);
        double wy = Math.max(y1 - y0, Math.abs(y1) * 0.1);
        return points.stream().filter(p -> p.feasible() || (p.x() >= x0 - wx && p.x() <= x1 + wx && p.y() >= y0 - wy && p.y() <= y1 + wy))
                .toList();
    }

    /** Fixes the axis to {@code values} with an 8 % margin and round ticks; auto-ranging when there are none. */
    private static void range(NumberAxis a, double[] values) {
        if (values.length == 0) {
            a.setAutoRanging(true);
            return;
        }
        double lo = java.util.Arrays.stream(values).min().orElse(0);
        double hi = java.util.Arrays.stream(values).max().orElse(1);
        double pad = hi > lo ? (hi - lo) * 0.08 : Math.max(Math.abs(hi) * 0.1, 1);
        double step = niceStep((hi - lo + 2 * pad) / 6);
        a.setAutoRanging(false);
        a.setLowerBound(Math.floor((lo - pad) / step) * step);
        a.setUpperBound(Math.ceil((hi + pad) / step) * step);
        a.setTickUnit(step);
    }

    private static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / p;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
    }

    private void clickable(XYChart.Data<Number, Number> d, String xLabel, String yLabel) {
        var node = d.getNode();
        if (node == null) return;
        int id = (Integer) d.getExtraValue();
        node.getStyleClass().add("pareto-point");
        node.setCursor(Cursor.HAND);
        Tooltip.install(node, new Tooltip(String.format(Locale.ROOT, "point %d\n%s = %.4g\n%s = %.4g\nclick to open its run", id,
                xLabel, d.getXValue().doubleValue(), yLabel, d.getYValue().doubleValue())));
        node.setOnMouseClicked(e -> onPoint.accept(id));
    }

    /** The dot of point {@code id}, or null (for tests and the keyboard). */
    public javafx.scene.Node dot(int id) {
        for (int s = 0; s < Math.min(2, getData().size()); s++) {
            for (XYChart.Data<Number, Number> d : getData().get(s).getData()) {
                if (Integer.valueOf(id).equals(d.getExtraValue())) return d.getNode();
            }
        }
        return null;
    }
}
