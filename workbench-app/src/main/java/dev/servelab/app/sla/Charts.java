package dev.servelab.app.sla;

import javafx.beans.value.ObservableDoubleValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;

import java.util.ArrayList;
import java.util.List;

/** Line charts bound to lists of {@link Curve}s, with an optional dashed vertical SLO marker. */
public final class Charts {
    private Charts() {
    }

    public static LineChart<Number, Number> line(String title, String xLabel, String yLabel) {
        NumberAxis x = new NumberAxis();
        x.setLabel(xLabel);
        x.setForceZeroInRange(false);
        NumberAxis y = new NumberAxis();
        y.setLabel(yLabel);
        LineChart<Number, Number> c = new LineChart<>(x, y);
        c.setTitle(title);
        c.setCreateSymbols(false);
        c.setAnimated(false);
        c.getStyleClass().add("sl-chart");
        c.setMinSize(200, 160);
        return c;
    }

    /** Keeps the chart's series equal to the curves, plus a marker at {@code slo} (ms) when it is set. */
    public static void bind(LineChart<Number, Number> chart, ObservableList<Curve> curves, ObservableDoubleValue slo) {
        Runnable refresh = () -> {
            chart.getData().setAll(series(curves, slo == null ? Double.NaN : slo.get()));
            chart.setLegendVisible(curves.size() > 1);
        };
        curves.addListener((ListChangeListener<Curve>) ch -> refresh.run());
        if (slo != null) slo.addListener((o, a, b) -> refresh.run());
        refresh.run();
        chart.getData().addListener((ListChangeListener<XYChart.Series<Number, Number>>) ch -> styleMarkers(chart));
        styleMarkers(chart);
    }

    private static List<XYChart.Series<Number, Number>> series(List<Curve> curves, double slo) {
        List<XYChart.Series<Number, Number>> out = new ArrayList<>();
        double maxY = 0;
        for (Curve c : curves) {
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName(c.name());
            for (int i = 0; i < c.size(); i++) {
                s.getData().add(new XYChart.Data<>(c.x()[i], c.y()[i]));
                maxY = Math.max(maxY, c.y()[i]);
            }
            out.add(s);
        }
        if (Double.isFinite(slo) && !curves.isEmpty()) {
            XYChart.Series<Number, Number> m = new XYChart.Series<>();
            m.setName("SLO " + trim(slo) + " ms");
            m.getData().add(new XYChart.Data<>(slo, 0));
            m.getData().add(new XYChart.Data<>(slo, maxY));
            out.add(m);
        }
        return out;
    }

    private static void styleMarkers(LineChart<Number, Number> chart) {
        for (XYChart.Series<Number, Number> s : chart.getData()) {
            if (s.getName() != null && s.getName().startsWith("SLO ") && s.getNode() != null) {
                s.getNode().setStyle("-fx-stroke: #e5484d; -fx-stroke-width: 2px; -fx-stroke-dash-array: 8 5;");
            }
        }
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
