package dev.servelab.plugins.tracecli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Shape;

/** One rectangular plot of {@link FitPlot}: maps [0, 1]² into pixels and draws frame, ticks and lines. */
record PlotArea(Graphics2D g, int left, int top, int width, int height) {

    double x(double fraction) {
        return left + fraction * width;
    }

    double y(double fraction) {
        return top + height - fraction * height;
    }

    void frame(String label) {
        g.setColor(new Color(245, 245, 245));
        g.fillRect(left, top, width, height);
        g.setColor(Color.DARK_GRAY);
        g.setStroke(new BasicStroke(1));
        g.drawRect(left, top, width, height);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.drawString(label, left, top + height + 38);
    }

    void xTick(double fraction, String text) {
        int px = (int) x(fraction);
        g.setColor(Color.DARK_GRAY);
        g.drawLine(px, top + height, px, top + height + 4);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawString(text, px - 8, top + height + 17);
    }

    void yTick(double fraction, String text) {
        int py = (int) y(fraction);
        g.setColor(Color.DARK_GRAY);
        g.drawLine(left - 4, py, left, py);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawString(text, left - 34, py + 4);
    }

    void draw(Shape path, Color color, boolean dashed) {
        g.setColor(color);
        g.setStroke(dashed ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[]{7f, 5f}, 0f)
                : new BasicStroke(2.5f));
        g.draw(path);
    }
}
