package dev.servelab.app.timeline;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

import java.util.Locale;

/** Draws a time axis with "nice" tick steps (1, 2, 5 × 10^k ns) and labels in s, ms or µs. */
final class TimeAxis {
    private TimeAxis() {
    }

    static double step(double windowNs, double widthPx) {
        double raw = windowNs / Math.max(1, widthPx / 110);
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[]{1, 2, 5, 10}) if (m * p >= raw) return m * p;
        return 10 * p;
    }

    static String label(double ns, double step) {
        if (Math.abs(ns) < step / 1000) ns = 0;
        if (step >= 1e8) return String.format(Locale.ROOT, "%.1f s", ns / 1e9);
        if (step >= 1e6) return String.format(Locale.ROOT, "%.3f s", ns / 1e9);
        if (step >= 1e5) return String.format(Locale.ROOT, "%.1f ms", ns / 1e6);
        return String.format(Locale.ROOT, "%.2f ms", ns / 1e6);
    }

    /** Draws ticks and labels in a strip of height {@code h} at y, and faint grid lines down to {@code gridBottom}. */
    static void draw(GraphicsContext g, double start, double end, double width, double y, double h, double gridBottom,
                     Color text) {
        double step = step(end - start, width);
        g.setFont(javafx.scene.text.Font.font(11));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        for (double t = Math.ceil(start / step) * step; t <= end; t += step) {
            double x = (t - start) / (end - start) * width;
            g.setStroke(Palette.GRID);
            g.strokeLine(Math.round(x) + 0.5, y + h, Math.round(x) + 0.5, gridBottom);
            g.setFill(text);
            g.fillText(label(t, step), x, y + h / 2);
        }
    }
}
