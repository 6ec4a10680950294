package dev.servelab.experiments.plot;

import dev.servelab.engine.ServeLabException;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** A white PNG with a plot area, axes with ticks and labels, and data-to-pixel mapping; shared by the plots. */
final class Canvas {
    static final int WIDTH = 900;
    static final int HEIGHT = 600;
    static final int LEFT = 90;
    static final int RIGHT = 30;
    static final int TOP = 50;
    static final int BOTTOM = 70;

    final BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    final Graphics2D g = image.createGraphics();
    private final double x0;
    private final double x1;
    private final double y0;
    private final double y1;

    Canvas(String title, double xMin, double xMax, double yMin, double yMax) {
        double xPad = pad(xMin, xMax);
        double yPad = pad(yMin, yMax);
        x0 = xMin - xPad;
        x1 = xMax + xPad;
        y0 = yMin - yPad;
        y1 = yMax + yPad;
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, LEFT, 30);
    }

    private static double pad(double min, double max) {
        double span = max - min;
        return span > 0 ? span * 0.05 : Math.max(Math.abs(min) * 0.1, 1);
    }

    int px(double x) {
        return (int) Math.round(LEFT + (x - x0) / (x1 - x0) * (WIDTH - LEFT - RIGHT));
    }

    int py(double y) {
        return (int) Math.round(HEIGHT - BOTTOM - (y - y0) / (y1 - y0) * (HEIGHT - TOP - BOTTOM));
    }

    /** Axes with five ticks each and the axis labels. */
    void axes(String xLabel, String yLabel) {
        g.setColor(Color.DARK_GRAY);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(LEFT, TOP, WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int i = 0; i <= 5; i++) {
            double x = x0 + (x1 - x0) * i / 5;
            double y = y0 + (y1 - y0) * i / 5;
            g.drawLine(px(x), HEIGHT - BOTTOM, px(x), HEIGHT - BOTTOM + 5);
            g.drawString(tick(x), px(x) - 20, HEIGHT - BOTTOM + 20);
            g.drawLine(LEFT - 5, py(y), LEFT, py(y));
            g.drawString(tick(y), 10, py(y) + 4);
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        g.drawString(xLabel, LEFT + (WIDTH - LEFT - RIGHT) / 2 - 60, HEIGHT - 20);
        AffineTransform t = g.getTransform();
        g.rotate(-Math.PI / 2);
        g.drawString(yLabel, -(TOP + (HEIGHT - TOP - BOTTOM) / 2) - 60, 30);
        g.setTransform(t);
    }

    static String tick(double v) {
        double a = Math.abs(v);
        if (a >= 1e5 || (a > 0 && a < 1e-2)) return String.format(Locale.ROOT, "%.2e", v);
        return String.format(Locale.ROOT, a >= 100 ? "%.0f" : "%.3g", v);
    }

    void write(Path out) {
        g.dispose();
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            if (!ImageIO.write(image, "png", out.toFile())) throw new IOException("no PNG writer");
        } catch (IOException e) {
            throw new ServeLabException(out + ": cannot write the plot: " + e.getMessage(), e);
        }
    }
}
