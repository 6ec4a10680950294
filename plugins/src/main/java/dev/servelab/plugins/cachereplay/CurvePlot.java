package dev.servelab.plugins.cachereplay;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Draws a {@link HitRatioCurve} into a PNG with Java2D (headless): log-scale capacity on x, hit
 * ratio 0–1 on y, one coloured line per policy, its unlimited-capacity ratio dashed.
 */
public final class CurvePlot {
    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
            new Color(0x9467bd), new Color(0xff7f0e), new Color(0x8c564b)};
    private static final int W = 900;
    private static final int H = 560;
    private static final int LEFT = 80;
    private static final int RIGHT = 190;
    private static final int TOP = 50;
    private static final int BOTTOM = 70;

    private CurvePlot() {
    }

    public static void write(HitRatioCurve curve, Path png) throws IOException {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, W, H);
        double[] xr = xRange(curve);
        double yMax = yMax(curve);
        axes(g, curve.title(), xr, yMax);
        for (int i = 0; i < curve.series().size(); i++) series(g, curve.series().get(i), COLORS[i % COLORS.length], xr, i, yMax);
        g.dispose();
        ImageIO.write(img, "png", png.toFile());
    }

    private static double[] xRange(HitRatioCurve curve) {
        double lo = Double.MAX_VALUE;
        double hi = 1;
        for (var s : curve.series()) {
            for (var p : s.points()) {
                lo = Math.min(lo, p.capacityBlocks());
                hi = Math.max(hi, p.capacityBlocks());
            }
        }
        if (lo == Double.MAX_VALUE) lo = 1;
        return new double[]{Math.floor(Math.log10(lo)), Math.ceil(Math.log10(Math.max(hi, lo * 10)))};
    }

    private static double yMax(HitRatioCurve curve) {
        double m = 0;
        for (var s : curve.series()) {
            if (!Double.isNaN(s.unlimitedHitRatio())) m = Math.max(m, s.unlimitedHitRatio());
            for (var p : s.points()) m = Math.max(m, p.hitRatio());
        }
        return Math.min(1, Math.ceil(m * 10 + 0.5) / 10);
    }

    private static int x(double capacity, double[] xr) {
        return LEFT + (int) Math.round((Math.log10(capacity) - xr[0]) / (xr[1] - xr[0]) * (W - LEFT - RIGHT));
    }

    private static int y(double ratio, double yMax) {
        return TOP + (int) Math.round((1 - ratio / yMax) * (H - TOP - BOTTOM));
    }

    private static void axes(Graphics2D g, String title, double[] xr, double yMax) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        for (int k = 0; k <= Math.round(yMax * 20); k++) {
            double r = k / 20.0;
            g.setColor(new Color(0xe6e6e6));
            g.drawLine(LEFT, y(r, yMax), W - RIGHT, y(r, yMax));
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format(Locale.ROOT, "%.2f", r), LEFT - 32, y(r, yMax) + 5);
        }
        for (int e = (int) xr[0]; e <= (int) xr[1]; e++) {
            int px = x(Math.pow(10, e), xr);
            g.setColor(new Color(0xe6e6e6));
            g.drawLine(px, TOP, px, H - BOTTOM);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format(Locale.ROOT, "%,d", (long) Math.pow(10, e)), px - 20, H - BOTTOM + 20);
        }
        g.setColor(Color.BLACK);
        g.drawRect(LEFT, TOP, W - LEFT - RIGHT, H - TOP - BOTTOM);
        g.drawString("cache capacity (blocks, log scale)", LEFT + 180, H - 25);
        g.rotate(-Math.PI / 2);
        g.drawString("block hit ratio", -(TOP + 260), 25);
        g.rotate(Math.PI / 2);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString("Prefix-block hit ratio vs cache capacity: " + title, LEFT, 30);
    }

    private static void series(Graphics2D g, HitRatioCurve.Series s, Color c, double[] xr, int i, double yMax) {
        g.setColor(c);
        float width = Math.max(1.5f, 6f - 1.5f * i);
        int dot = Math.round(width) + 5;
        g.setStroke(new BasicStroke(width));
        var pts = s.points();
        for (int k = 0; k < pts.size(); k++) {
            int px = x(pts.get(k).capacityBlocks(), xr);
            int py = y(pts.get(k).hitRatio(), yMax);
            g.fillOval(px - dot / 2, py - dot / 2, dot, dot);
            if (k > 0) g.drawLine(x(pts.get(k - 1).capacityBlocks(), xr), y(pts.get(k - 1).hitRatio(), yMax), px, py);
        }
        if (!Double.isNaN(s.unlimitedHitRatio())) {
            g.setStroke(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[]{6, 5}, i * 3));
            g.drawLine(LEFT, y(s.unlimitedHitRatio(), yMax), W - RIGHT, y(s.unlimitedHitRatio(), yMax));
        }
        g.setStroke(new BasicStroke(width));
        int ly = TOP + 20 + i * 24;
        g.drawLine(W - RIGHT + 15, ly - 5, W - RIGHT + 40, ly - 5);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.drawString(s.policy(), W - RIGHT + 48, ly);
        if (i == 0) g.drawString("dashed: unlimited capacity", W - RIGHT + 15, H - BOTTOM - 5);
    }
}
