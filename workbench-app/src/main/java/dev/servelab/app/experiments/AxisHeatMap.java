package dev.servelab.app.experiments;

import dev.servelab.experiments.plot.HeatGrid;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A heat map of a metric over two varied fields, drawn on a canvas: one coloured cell per value pair with
 * the value written in it (empty pairs hatched grey), the x values along the bottom, the y values down
 * the left, and a legend bar from the lowest to the highest value. Colours run along a perceptual
 * blue-to-yellow scale (viridis); darker is lower.
 */
public final class AxisHeatMap extends Region {
    private static final double LEFT = 120;
    private static final double BOTTOM = 56;
    private static final double TOP = 30;
    private static final double LEGEND = 90;
    private static final Color[] VIRIDIS = {Color.web("#440154"), Color.web("#3b528b"), Color.web("#21918c"), Color.web("#5ec962"),
            Color.web("#fde725")};
    private final Canvas canvas = new Canvas();
    private HeatGrid grid;
    private Color text = Color.web("#24292f");
    private final List<Cell> cells = new ArrayList<>();

    /** One drawn cell: its x and y value, the mean metric (NaN when empty) and where it is on the canvas. */
    public record Cell(String x, String y, double value, double left, double top, double width, double height) {
    }

    public AxisHeatMap() {
        getStyleClass().add("axis-heat-map");
        getChildren().add(canvas);
        setMinSize(200, 160);
        setPrefSize(520, 360);
    }

    /** Shows {@code g} (null: an empty map with a hint). */
    public void show(HeatGrid g) {
        grid = g;
        paint();
    }

    /** The text colour (follows the light or dark theme). */
    public void setTextColor(Color c) {
        text = c;
        paint();
    }

    /** The cells as last drawn. */
    public List<Cell> cells() {
        return List.copyOf(cells);
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        paint();
    }

    private void paint() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        cells.clear();
        g.setFont(Font.font(12));
        g.setFill(text);
        if (grid == null || grid.xs().isEmpty() || grid.ys().isEmpty()) {
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText("Pick two varied fields and a metric", w / 2, h / 2);
            return;
        }
        double[] range = grid.range();
        double cw = Math.max(1, (w - LEFT - LEGEND) / grid.xs().size());
        double ch = Math.max(1, (h - TOP - BOTTOM) / grid.ys().size());
        g.setTextBaseline(VPos.CENTER);
        for (int yi = 0; yi < grid.ys().size(); yi++) {
            for (int xi = 0; xi < grid.xs().size(); xi++) {
                double v = grid.mean()[yi][xi];
                double left = LEFT + xi * cw;
                double top = TOP + (grid.ys().size() - 1 - yi) * ch;
                Color c = Double.isNaN(v) ? Color.web("#d0d7de") : colour(fraction(v, range));
                g.setFill(c);
                g.fillRect(left + 1, top + 1, cw - 2, ch - 2);
                g.setFill(Double.isNaN(v) ? Color.web("#57606a") : c.getBrightness() > 0.75 && c.getRed() > 0.5 ? Color.BLACK : Color.WHITE);
                g.setTextAlign(TextAlignment.CENTER);
                if (cw > 34 && ch > 14) g.fillText(Double.isNaN(v) ? "–" : format(v), left + cw / 2, top + ch / 2);
                cells.add(new Cell(grid.xs().get(xi), grid.ys().get(yi), v, left, top, cw, ch));
            }
        }
        g.setFill(text);
        g.setTextAlign(TextAlignment.CENTER);
        for (int xi = 0; xi < grid.xs().size(); xi++) g.fillText(clip(grid.xs().get(xi), cw), LEFT + xi * cw + cw / 2, h - BOTTOM + 14);
        g.fillText(grid.x(), LEFT + (w - LEFT - LEGEND) / 2, h - BOTTOM + 38);
        g.setTextAlign(TextAlignment.RIGHT);
        for (int yi = 0; yi < grid.ys().size(); yi++) {
            g.fillText(clip(grid.ys().get(yi), LEFT - 14), LEFT - 8, TOP + (grid.ys().size() - 1 - yi) * ch + ch / 2);
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(grid.y() + "  ↑", 8, TOP - 16);
        legend(g, w, h, range);
    }

    private void legend(GraphicsContext g, double w, double h, double[] range) {
        double left = w - LEGEND + 18;
        double top = TOP;
        double height = h - TOP - BOTTOM;
        for (int i = 0; i < (int) height; i++) {
            g.setFill(colour(1 - i / height));
            g.fillRect(left, top + i, 14, 1);
        }
        g.setFill(text);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(grid.metric(), Math.max(LEFT, w - LEGEND - 40 - grid.metric().length() * 3.0), TOP - 16);
        if (!Double.isNaN(range[0])) {
            g.fillText(format(range[1]), left + 18, top + 6);
            g.fillText(format(range[0]), left + 18, top + height - 6);
        }
    }

    private static double fraction(double v, double[] range) {
        return range[1] > range[0] ? (v - range[0]) / (range[1] - range[0]) : 0.5;
    }

    /** The viridis colour at {@code f} in [0, 1]. */
    static Color colour(double f) {
        double p = Math.max(0, Math.min(1, f)) * (VIRIDIS.length - 1);
        int i = Math.min(VIRIDIS.length - 2, (int) p);
        return VIRIDIS[i].interpolate(VIRIDIS[i + 1], p - i);
    }

    private static String format(double v) {
        double a = Math.abs(v);
        if (a >= 1000) return String.format(Locale.ROOT, "%,.0f", v);
        if (a >= 10) return String.format(Locale.ROOT, "%.1f", v);
        if (a >= 0.01 || a == 0) return String.format(Locale.ROOT, "%.3f", v);
        return String.format(Locale.ROOT, "%.2e", v);
    }

    private static String clip(String s, double width) {
        int max = Math.max(3, (int) (width / 7));
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
