package dev.servelab.experiments.plot;

import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A heat map of a metric over two axes: one cell per (x value, y value), coloured from light (low) to
 * dark (high) with the value written in it; empty cells (no completed point) stay grey.
 */
public final class HeatMapPlot {
    private HeatMapPlot() {
    }

    /** {@code values[yi][xi]}: NaN where no completed point has that pair. */
    public static void write(Path out, String title, String xLabel, List<String> xs, String yLabel, List<String> ys, double[][] values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] row : values) for (double v : row) if (!Double.isNaN(v)) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        Canvas c = new Canvas(title, 0, 1, 0, 1);
        int w = (Canvas.WIDTH - Canvas.LEFT - Canvas.RIGHT) / Math.max(1, xs.size());
        int h = (Canvas.HEIGHT - Canvas.TOP - Canvas.BOTTOM) / Math.max(1, ys.size());
        for (int yi = 0; yi < ys.size(); yi++) {
            for (int xi = 0; xi < xs.size(); xi++) {
                double v = values[yi][xi];
                int x = Canvas.LEFT + xi * w;
                int y = Canvas.HEIGHT - Canvas.BOTTOM - (yi + 1) * h;
                double f = Double.isNaN(v) || max == min ? 0.5 : (v - min) / (max - min);
                c.g.setColor(Double.isNaN(v) ? Color.LIGHT_GRAY : new Color(255 - (int) (200 * f), 255 - (int) (120 * f), 255 - (int) (40 * f)));
                c.g.fillRect(x, y, w, h);
                c.g.setColor(Color.WHITE);
                c.g.drawRect(x, y, w, h);
                c.g.setColor(f > 0.6 ? Color.WHITE : Color.BLACK);
                c.g.drawString(Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3g", v), x + w / 2 - 18, y + h / 2 + 4);
            }
        }
        c.g.setColor(Color.BLACK);
        for (int xi = 0; xi < xs.size(); xi++) c.g.drawString(xs.get(xi), Canvas.LEFT + xi * w + w / 2 - 12, Canvas.HEIGHT - Canvas.BOTTOM + 18);
        for (int yi = 0; yi < ys.size(); yi++) c.g.drawString(ys.get(yi), 20, Canvas.HEIGHT - Canvas.BOTTOM - yi * h - h / 2 + 4);
        c.g.drawString(xLabel, Canvas.LEFT + (Canvas.WIDTH - Canvas.LEFT) / 2 - 60, Canvas.HEIGHT - 20);
        c.g.drawString(yLabel, 10, Canvas.TOP - 8);
        c.write(out);
    }
}
