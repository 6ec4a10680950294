package dev.servelab.experiments.run;

import dev.servelab.experiments.point.PointStatus;

import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Progress of a sweep on stderr: at most one line a second (and one at the end) with points done of
 * those to run, how they ended, points per second and an ETA.
 */
final class SweepProgress {
    private final PrintWriter err;
    private final int total;
    private final int skipped;
    private final long startNanos = System.nanoTime();
    private final Map<PointStatus, Integer> counts = new EnumMap<>(PointStatus.class);
    private int done;
    private long lastPrint = startNanos;

    SweepProgress(PrintWriter err, int total, int skipped) {
        this.err = err;
        this.total = total;
        this.skipped = skipped;
        if (err != null && skipped > 0) {
            err.printf(Locale.ROOT, "[sweep] resuming: %d of %d points already stored%n", skipped, total + skipped);
            err.flush();
        }
    }

    void point(PointStatus status) {
        done++;
        counts.merge(status, 1, Integer::sum);
        long now = System.nanoTime();
        if (now - lastPrint >= 1_000_000_000L || done == total) {
            lastPrint = now;
            print(now);
        }
    }

    double seconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private void print(long now) {
        if (err == null) return;
        double s = (now - startNanos) / 1e9;
        double rate = done / Math.max(s, 1e-9);
        String eta = done < total ? String.format(Locale.ROOT, "  ETA %.0f s", (total - done) / rate) : "";
        err.printf(Locale.ROOT, "[sweep] %d/%d points  (completed %d, infeasible %d, failed %d)  %.2f points/s%s%n",
                done, total, counts.getOrDefault(PointStatus.COMPLETED, 0), counts.getOrDefault(PointStatus.INFEASIBLE, 0),
                counts.getOrDefault(PointStatus.FAILED, 0), rate, eta);
        err.flush();
    }
}
