package dev.servelab.app.sla;

import javafx.collections.ObservableList;
import javafx.geometry.Point2D;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.util.Duration;

import java.util.Arrays;
import java.util.Locale;

/**
 * Hover values for a line chart: under the pointer, the x value and each curve's y at the nearest
 * point, in a tooltip kept inside the window. Reads the {@link Curve} arrays directly (sorted by x),
 * so hovering costs a binary search per curve and no chart nodes.
 */
final class ChartHover {
    private ChartHover() {
    }

    static void install(LineChart<Number, Number> chart, ObservableList<Curve> curves) {
        Tooltip tip = new Tooltip();
        tip.setShowDelay(Duration.ZERO);
        tip.getStyleClass().add("chart-hover-tip");
        chart.addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            String text = text(chart, curves, e.getSceneX(), e.getSceneY());
            if (text == null) {
                tip.hide();
                return;
            }
            tip.setText(text);
            TipPlacement.show(tip, chart, e.getScreenX(), e.getScreenY());
        });
        chart.addEventHandler(MouseEvent.MOUSE_EXITED, e -> tip.hide());
    }

    /** The hover text at a scene point, or null outside the plot or without data. */
    static String text(LineChart<Number, Number> chart, java.util.List<Curve> curves, double sceneX, double sceneY) {
        NumberAxis xa = (NumberAxis) chart.getXAxis();
        NumberAxis ya = (NumberAxis) chart.getYAxis();
        Point2D px = xa.sceneToLocal(sceneX, sceneY);
        Point2D py = ya.sceneToLocal(sceneX, sceneY);
        if (px == null || py == null || px.getX() < 0 || px.getX() > xa.getWidth() || py.getY() < 0 || py.getY() > ya.getHeight()) {
            return null;
        }
        double x = xa.getValueForDisplay(px.getX()).doubleValue();
        boolean cdf = !ya.isAutoRanging() && ya.getUpperBound() == 1;
        StringBuilder sb = new StringBuilder();
        sb.append(xa.getLabel()).append(" = ").append(num(x));
        boolean any = false;
        for (Curve c : curves) {
            if (OverTime.EVENTS.equals(c.name())) continue;
            int i = nearest(c.x(), x);
            if (i < 0) continue;
            any = true;
            if (cdf) {
                sb.append('\n').append(c.name()).append(": ").append(String.format(Locale.ROOT, "%.1f %%", 100 * c.y()[i]))
                        .append(" ≤ ").append(num(c.x()[i]));
            } else {
                sb.append('\n').append(c.name()).append(": ").append(num(c.y()[i])).append("  (at ").append(num(c.x()[i])).append(')');
            }
        }
        return any ? sb.toString() : null;
    }

    /** The index of the point nearest to {@code x} in sorted {@code xs}, or -1 when empty. */
    static int nearest(double[] xs, double x) {
        if (xs.length == 0) return -1;
        int i = Arrays.binarySearch(xs, x);
        if (i >= 0) return i;
        i = -i - 1;
        if (i == 0) return 0;
        if (i >= xs.length) return xs.length - 1;
        return x - xs[i - 1] <= xs[i] - x ? i - 1 : i;
    }

    private static String num(double v) {
        double a = Math.abs(v);
        if (!Double.isFinite(v)) return "—";
        if (a != 0 && a < 1) return String.format(Locale.ROOT, "%.3f", v);
        return a < 100 ? String.format(Locale.ROOT, "%.2f", v) : String.format(Locale.ROOT, "%,.1f", v);
    }
}
