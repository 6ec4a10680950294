package dev.servelab.app.sla;

import java.util.Arrays;

/**
 * Which points of a curve to draw when it has more than a chart can show: the curve's x range cut into
 * {@code max / 2} bins, and in each the lowest and the highest point in x order, so spikes and dips
 * survive (a min/max decimation). Curves with at most {@code max} points are drawn whole.
 */
final class Decimate {
    private Decimate() {
    }

    static int[] indices(Curve c, int max) {
        int n = c.size();
        if (n <= max) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) all[i] = i;
            return all;
        }
        int bins = Math.max(1, max / 2);
        int[] out = new int[bins * 2];
        int k = 0;
        for (int b = 0; b < bins; b++) {
            int from = (int) ((long) b * n / bins), to = (int) ((long) (b + 1) * n / bins);
            if (from >= to) continue;
            int lo = from, hi = from;
            for (int i = from; i < to; i++) {
                if (c.y()[i] < c.y()[lo]) lo = i;
                if (c.y()[i] > c.y()[hi]) hi = i;
            }
            out[k++] = Math.min(lo, hi);
            if (lo != hi) out[k++] = Math.max(lo, hi);
        }
        return Arrays.copyOf(out, k);
    }
}
