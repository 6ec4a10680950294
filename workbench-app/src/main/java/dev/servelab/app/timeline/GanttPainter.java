package dev.servelab.app.timeline;

import dev.servelab.engine.store.IterationTable;
import javafx.scene.canvas.GraphicsContext;

import java.util.Arrays;

/**
 * Paints one replica lane of the iteration Gantt: each iteration a bar whose lower part is its share
 * of prefill tokens (amber) and upper part decode tokens (blue). Iterations narrower than a pixel are
 * merged per pixel column, so the cost follows the width, not the iteration count.
 */
final class GanttPainter {
    private GanttPainter() {
    }

    /** As {@link #paint(GraphicsContext, IterationTable, double, double, double, double, double)}, from {@code lod} when zoomed out. */
    static void paint(GraphicsContext g, IterationTable it, GanttLod lod, double start, double end, double width, double y, double h) {
        if (lod != null && lod.covers((end - start) / width)) paintLod(g, lod, start, end, width, y, h);
        else paint(g, it, start, end, width, y, h);
    }

    private static void paintLod(GraphicsContext g, GanttLod lod, double start, double end, double width, double y, double h) {
        double perPixel = (end - start) / width;
        int n = lod.prefill().length;
        for (int px = 0; px < (int) Math.ceil(width); px++) {
            int c0 = (int) Math.floor((start + px * perPixel) / lod.columnNanos());
            int c1 = (int) Math.floor((start + (px + 1) * perPixel) / lod.columnNanos());
            if (c1 < 0 || c0 >= n) continue;
            double pre = 0, dec = 0;
            for (int c = Math.max(0, c0); c < Math.min(n, c1); c++) {
                pre += lod.prefill()[c];
                dec += lod.decode()[c];
            }
            bar(g, px, 1, pre, dec, y, h);
        }
    }

    static void paint(GraphicsContext g, IterationTable it, double start, double end, double width, double y, double h) {
        if (it.size() == 0) return;
        double scale = width / (end - start);
        int i = Arrays.binarySearch(it.end(), (long) start);
        if (i < 0) i = -i - 1;
        long col = Long.MIN_VALUE;
        double pre = 0, dec = 0;
        for (; i < it.size() && it.start()[i] <= end; i++) {
            double x0 = (it.start()[i] - start) * scale, x1 = (it.end()[i] - start) * scale;
            if (x1 - x0 >= 1.5) {
                flush(g, col, pre, dec, y, h);
                col = Long.MIN_VALUE;
                pre = dec = 0;
                double cx0 = Math.max(-10, x0), cx1 = Math.min(width + 10, x1);
                bar(g, cx0, cx1 - cx0, it.prefill()[i], it.decode()[i], y, h);
                continue;
            }
            long c = (long) Math.floor(x0);
            if (c != col) {
                flush(g, col, pre, dec, y, h);
                col = c;
                pre = dec = 0;
            }
            pre += it.prefill()[i];
            dec += it.decode()[i];
        }
        flush(g, col, pre, dec, y, h);
    }

    private static void flush(GraphicsContext g, long col, double pre, double dec, double y, double h) {
        if (col != Long.MIN_VALUE) bar(g, col, 1, pre, dec, y, h);
    }

    private static void bar(GraphicsContext g, double x, double w, double pre, double dec, double y, double h) {
        double total = pre + dec;
        if (total <= 0) return;
        double ph = h * pre / total;
        g.setFill(Palette.GANTT_DECODE);
        g.fillRect(x, y, Math.max(w - (w > 4 ? 1 : 0), 0.8), h - ph);
        g.setFill(Palette.PREFILL);
        g.fillRect(x, y + h - ph, Math.max(w - (w > 4 ? 1 : 0), 0.8), ph);
    }
}
