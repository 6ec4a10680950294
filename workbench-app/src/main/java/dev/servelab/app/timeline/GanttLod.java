package dev.servelab.app.timeline;

import dev.servelab.engine.store.IterationTable;

/**
 * A replica's iterations summed on a fixed time grid (prefill and decode tokens per column, by iteration
 * start), built once when a run is shown. Zoomed out, the Gantt draws each pixel column from the grid
 * columns it covers instead of visiting every iteration, so a frame of an hour-long run with millions of
 * iterations costs the width of the window, not the iteration count.
 */
record GanttLod(double columnNanos, float[] prefill, float[] decode) {
    static final int COLUMNS = 16_384;

    static GanttLod of(IterationTable it, long endNanos) {
        double col = Math.max(1, (double) endNanos / COLUMNS);
        float[] pre = new float[COLUMNS], dec = new float[COLUMNS];
        for (int i = 0; i < it.size(); i++) {
            int c = (int) Math.min(COLUMNS - 1, Math.max(0, it.start()[i] / col));
            pre[c] += it.prefill()[i];
            dec[c] += it.decode()[i];
        }
        return new GanttLod(col, pre, dec);
    }

    /** True when a pixel spans at least two grid columns, where drawing from the grid loses nothing visible. */
    boolean covers(double nanosPerPixel) {
        return nanosPerPixel >= 2 * columnNanos;
    }
}
