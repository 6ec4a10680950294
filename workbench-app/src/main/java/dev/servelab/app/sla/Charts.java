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
    /** The charts' stylesheet (sla.css beside this class), added to every chart made here. */
    static final String CSS = Charts.class.getResource("sla.css").toExternalForm();
    /** Tick labels as 250, 2.5k, 10k, 1.2M: short enough for small charts. */
    static final javafx.util.StringConverter<Number> COMPACT = new javafx.util.StringConverter<>() {
        @Override
        public String toString(Number n) {
            double v = n.doubleValue(), a = Math.abs(v);
            if (a >= 1e6) return trim(v / 1e6) + "M";
            if (a >= 1e3) return trim(v / 1e3) + "k";
            if (a == 0) return "0";
            if (a >= 1) return trim(v);
            // two decimals (0.20, 0.85) when they say it exactly; else three significant digits, so that
            // ticks 0.005 apart on a small rate axis do not print as 0.01, 0.01, 0.02, 0.02
            String two = String.format(java.util.Locale.ROOT, "%.2f", v);
            return Math.abs(Double.parseDouble(two) - v) < 1e-9 * Math.max(1, a) ? two : trim(v);
        }

        @Override
        public Number fromString(String s) {
            return Double.parseDouble(s);
        }
    };

    /** Points per series at most: more than a chart has pixels only costs nodes and layout time. */
    static final int MAX_POINTS = 800;

    private Charts() {
    }

    public static LineChart<Number, Number> line(String title, String xLabel, String yLabel) {
        NumberAxis x = new NumberAxis();
        x.setLabel(xLabel);
        x.setForceZeroInRange(false);
        NumberAxis y = new NumberAxis();
        y.setLabel(yLabel);
        x.setTickLabelFormatter(COMPACT);
        y.setTickLabelFormatter(COMPACT);
        LineChart<Number, Number> c = new LineChart<>(x, y);
        c.setTitle(title);
        c.setCreateSymbols(false);
        c.setAnimated(false);
        c.getStyleClass().add("sl-chart");
        c.getStylesheets().add(CSS);
        c.setMinSize(200, 160);
        return c;
    }

    /** A CDF chart: as {@link #line}, with the fraction axis fixed to 0..1 (a fraction never exceeds 1). */
    public static LineChart<Number, Number> cdf(String title, String xLabel, String yLabel) {
        LineChart<Number, Number> c = line(title, xLabel, yLabel);
        NumberAxis y = (NumberAxis) c.getYAxis();
        y.setAutoRanging(false);
        y.setLowerBound(0);
        y.setUpperBound(1);
        y.setTickUnit(0.2);
        return c;
    }

    /** Keeps the chart's series equal to the curves, plus a vertical marker at {@code slo} (ms) when it is set. */
    public static void bind(LineChart<Number, Number> chart, ObservableList<Curve> curves, ObservableDoubleValue slo) {
        bind(chart, curves, slo, false);
    }

    /** As {@link #bind}, with the SLO drawn as a horizontal line (for latency-over-time charts) when {@code horizontal}. */
    public static void bind(LineChart<Number, Number> chart, ObservableList<Curve> curves, ObservableDoubleValue slo,
                            boolean horizontal) {
        Runnable refresh = () -> {
            chart.getData().setAll(series(curves, slo == null ? Double.NaN : slo.get(), horizontal));
            chart.setLegendVisible(curves.size() > 1);
            javafx.application.Platform.runLater(() -> styleLegend(chart));
        };
        curves.addListener((ListChangeListener<Curve>) ch -> refresh.run());
        if (slo != null) slo.addListener((o, a, b) -> refresh.run());
        refresh.run();
        chart.getData().addListener((ListChangeListener<XYChart.Series<Number, Number>>) ch -> styleMarkers(chart));
        styleMarkers(chart);
        ChartHover.install(chart, curves);
    }

    private static List<XYChart.Series<Number, Number>> series(List<Curve> curves, double slo, boolean horizontal) {
        List<XYChart.Series<Number, Number>> out = new ArrayList<>();
        double maxY = 0, minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE;
        for (Curve c : curves) {
            List<XYChart.Data<Number, Number>> points = new ArrayList<>();
            for (int i : Decimate.indices(c, MAX_POINTS)) points.add(new XYChart.Data<>(c.x()[i], c.y()[i]));
            for (int i = 0; i < c.size(); i++) {
                maxY = Math.max(maxY, c.y()[i]);
                minX = Math.min(minX, c.x()[i]);
                maxX = Math.max(maxX, c.x()[i]);
            }
            out.add(new XYChart.Series<>(c.name(), javafx.collections.FXCollections.observableArrayList(points)));
        }
        if (Double.isFinite(slo) && !curves.isEmpty()) {
            XYChart.Series<Number, Number> m = new XYChart.Series<>();
            m.setName("SLO " + trim(slo) + " ms");
            if (horizontal) {
                m.getData().add(new XYChart.Data<>(minX, slo));
                m.getData().add(new XYChart.Data<>(maxX, slo));
            } else {
                m.getData().add(new XYChart.Data<>(slo, 0));
                m.getData().add(new XYChart.Data<>(slo, maxY));
            }
            out.add(m);
        }
        return out;
    }

    private static void styleMarkers(LineChart<Number, Number> chart) {
        for (XYChart.Series<Number, Number> s : chart.getData()) {
            if (s.getName() != null && s.getName().startsWith("SLO ") && s.getNode() != null) {
                s.getNode().setStyle("-fx-stroke: #e5484d; -fx-stroke-width: 2px; -fx-stroke-dash-array: 8 5;");
            }
            if (OverTime.EVENTS.equals(s.getName()) && s.getNode() != null) {
                s.getNode().setStyle("-fx-stroke: #c026d3; -fx-stroke-width: 1.5px; -fx-stroke-dash-array: 4 3;");
            }
        }
    }

    /** Legend entries of SLO markers get a red dash instead of the series colour's circle. */
    private static void styleLegend(LineChart<Number, Number> chart) {
        for (javafx.scene.Node n : chart.lookupAll(".chart-legend-item")) {
            if (n instanceof javafx.scene.control.Label l && l.getText() != null && l.getText().startsWith("SLO ") && l.getGraphic() != null) {
                l.getGraphic().setStyle("-fx-background-color: #e5484d; -fx-background-radius: 0; -fx-padding: 1.5 8 1.5 8;");
            }
            if (n instanceof javafx.scene.control.Label l && OverTime.EVENTS.equals(l.getText()) && l.getGraphic() != null) {
                l.getGraphic().setStyle("-fx-background-color: #c026d3; -fx-background-radius: 0; -fx-padding: 1.5 8 1.5 8;");
            }
        }
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(java.util.Locale.ROOT, "%.3g", v).replaceFirst("\\.?0+$", "");
    }
}
