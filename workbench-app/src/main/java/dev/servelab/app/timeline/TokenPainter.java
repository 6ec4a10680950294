package dev.servelab.app.timeline;

import dev.servelab.engine.store.TokenTable;
import javafx.scene.canvas.GraphicsContext;

import java.util.Arrays;

/**
 * Paints request rows: queueing, prefill and decode spans, a tick per token when ticks are at least
 * 3 px apart, and preemptions. Only visible rows and, within a row, only visible tokens are touched.
 */
final class TokenPainter {
    /** Spans are clipped to this many pixels: huge rectangles are slow and mis-drawn by the software rasteriser. */
    private static final double LIMIT = 20_000;

    private TokenPainter() {
    }

    static void paint(GraphicsContext g, TokenTable t, double start, double end, double top, double rowH,
                      double y0, double width, double height, javafx.scene.paint.Color tick) {
        double scale = width / (end - start);
        int first = Math.max(0, (int) Math.floor(top));
        int last = Math.min(t.rows() - 1, (int) Math.ceil(top + height / rowH));
        double gap = rowH >= 6 ? Math.min(3, rowH * 0.18) : 0;
        for (int r = first; r <= last; r++) {
            double y = y0 + (r - top) * rowH + gap / 2;
            double h = Math.max(rowH - gap, 0.6);
            int s = t.start()[r], e = t.start()[r + 1];
            if (e == s) continue;
            long firstTok = t.times()[s], lastTok = t.times()[e - 1];
            if (lastTok < start || t.arrival()[r] > end) continue;
            span(g, t.arrival()[r], t.firstScheduled()[r], start, scale, y, h, Palette.QUEUE);
            span(g, t.firstScheduled()[r], firstTok, start, scale, y, h, Palette.PREFILL);
            span(g, firstTok, lastTok, start, scale, y, h, Palette.DECODE);
            preemptions(g, t, r, start, scale, y, h);
            if (rowH >= 4) ticks(g, t, s, e, start, end, scale, y, h, tick);
        }
    }

    private static void span(GraphicsContext g, long from, long to, double start, double scale, double y, double h,
                             javafx.scene.paint.Color c) {
        if (to <= from) return;
        double x0 = Math.max(-10, (from - start) * scale), x1 = Math.min(LIMIT, (to - start) * scale);
        if (x1 < x0) return;
        g.setFill(c);
        g.fillRect(x0, y, Math.max(0.7, x1 - x0), h);
    }

    private static void ticks(GraphicsContext g, TokenTable t, int s, int e, double start, double end, double scale,
                              double y, double h, javafx.scene.paint.Color tick) {
        int n = e - s;
        double meanGapPx = (t.times()[e - 1] - t.times()[s]) * scale / Math.max(1, n - 1);
        if (n > 1 && meanGapPx < 3) return;
        int i = Arrays.binarySearch(t.times(), s, e, (long) start);
        if (i < 0) i = -i - 1;
        g.setFill(tick);
        for (; i < e && t.times()[i] <= end; i++) {
            double x = (t.times()[i] - start) * scale;
            g.fillRect(x - 0.75, y, 1.5, h);
        }
    }

    private static void preemptions(GraphicsContext g, TokenTable t, int r, double start, double scale, double y, double h) {
        int ps = t.preemptStart()[r], pe = t.preemptStart()[r + 1];
        for (int k = ps; k < pe; k++) {
            long p = t.preempted()[k];
            int i = Arrays.binarySearch(t.times(), t.start()[r], t.start()[r + 1], p);
            if (i < 0) i = -i - 1;
            long resume = i < t.start()[r + 1] ? t.times()[i] : p;
            double x0 = Math.max(-10, (p - start) * scale), x1 = Math.min(LIMIT, (resume - start) * scale);
            if (x1 < x0) continue;
            g.setFill(Palette.PREEMPT);
            g.fillRect(x0, y, Math.max(2, x1 - x0), h);
        }
    }
}
