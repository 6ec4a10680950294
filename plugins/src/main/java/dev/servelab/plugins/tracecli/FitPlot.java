package dev.servelab.plugins.tracecli;

import dev.servelab.plugins.traceprofile.TokenHistogram;
import dev.servelab.plugins.traceprofile.TraceProfile;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * A PNG comparing a trace with the generator fitted to it: the CDFs of input and output lengths (log
 * x axis) and the requests per minute over time, trace in solid blue, fitted in dashed orange. Drawn
 * with Java2D.
 */
public final class FitPlot {
    private static final int PANEL_W = 460;
    private static final int PANEL_H = 360;
    private static final int MARGIN = 50;
    private static final Color TRACE = new Color(31, 119, 180);
    private static final Color FITTED = new Color(255, 127, 14);

    private FitPlot() {
    }

    public static void write(Path png, String title, TraceProfile trace, FitCheck fitted) throws IOException {
        BufferedImage img = new BufferedImage(3 * PANEL_W + 3 * MARGIN, PANEL_H + 2 * MARGIN, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString(title, MARGIN, 24);
        cdfPanel(g, 0, "input tokens (CDF)", trace.input(), fitted.lengths().input());
        cdfPanel(g, 1, "output tokens (CDF)", trace.output(), fitted.lengths().output());
        ratePanel(g, 2, trace.arrivals().perMinute(), fitted.arrivals().arrivals().perMinute());
        legend(g);
        g.dispose();
        ImageIO.write(img, "png", png.toFile());
    }

    private static void cdfPanel(Graphics2D g, int i, String label, TokenHistogram t, TokenHistogram f) {
        double lo = Math.log10(Math.max(1, Math.min(t.min(), f.min())));
        double hi = Math.log10(Math.max(t.max(), f.max()) + 1);
        PlotArea a = area(g, i, label);
        for (double p = 0; p <= 1.0001; p += 0.25) a.yTick(p, String.format(Locale.ROOT, "%.2f", p));
        for (int e = (int) Math.ceil(lo); e <= hi; e++) a.xTick((e - lo) / (hi - lo), e == 0 ? "1" : "1e" + e);
        for (TokenHistogram h : new TokenHistogram[]{t, f}) {
            double[] q = h.quantiles(401);
            Path2D path = new Path2D.Double();
            for (int k = 0; k < q.length; k++) {
                double x = (Math.log10(Math.max(1, q[k])) - lo) / (hi - lo);
                if (k == 0) path.moveTo(a.x(x), a.y(k / 400.0)); else path.lineTo(a.x(x), a.y(k / 400.0));
            }
            a.draw(path, h == t ? TRACE : FITTED, h != t);
        }
    }

    private static void ratePanel(Graphics2D g, int i, int[] t, int[] f) {
        int minutes = Math.max(t.length, f.length);
        int max = 1;
        for (int v : t) max = Math.max(max, v);
        for (int v : f) max = Math.max(max, v);
        PlotArea a = area(g, i, "requests per minute");
        for (int k = 0; k <= 4; k++) a.yTick(k / 4.0, Integer.toString(max * k / 4));
        for (int k = 0; k <= 4; k++) a.xTick(k / 4.0, (minutes * k / 4) + " min");
        for (int[] series : new int[][]{t, f}) {
            Path2D path = new Path2D.Double();
            for (int m = 0; m < series.length; m++) {
                double x = a.x(minutes <= 1 ? 0 : m / (double) (minutes - 1));
                if (m == 0) path.moveTo(x, a.y(series[m] / (double) max)); else path.lineTo(x, a.y(series[m] / (double) max));
            }
            a.draw(path, series == t ? TRACE : FITTED, series != t);
        }
    }

    private static PlotArea area(Graphics2D g, int i, String label) {
        PlotArea a = new PlotArea(g, MARGIN + i * (PANEL_W + MARGIN / 2) + 30, MARGIN + 10, PANEL_W - 50, PANEL_H - 40);
        a.frame(label);
        return a;
    }

    private static void legend(Graphics2D g) {
        int x = 3 * PANEL_W - 150;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.setStroke(new BasicStroke(3));
        g.setColor(TRACE);
        g.drawLine(x, 18, x + 25, 18);
        g.setColor(Color.BLACK);
        g.drawString("trace", x + 30, 23);
        g.setColor(FITTED);
        g.setStroke(new BasicStroke(3, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[]{7f, 5f}, 0f));
        g.drawLine(x + 80, 18, x + 105, 18);
        g.setColor(Color.BLACK);
        g.drawString("fitted", x + 110, 23);
    }
}
