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

    /** Plots {@code points} and {@code frontier} with these axis titles. */
    public void show(String xLabel, String yLabel, List<Pareto.Point> points, List<Pareto.Point> frontier) {
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
