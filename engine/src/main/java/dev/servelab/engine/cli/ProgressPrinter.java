package dev.servelab.engine.cli;

import dev.servelab.engine.run.RunProgress;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Progress of a long run on stderr: nothing for the first two seconds, then a line at most once a
 * second with simulated time, requests done, events per second and, when the total is known, an ETA.
 */
final class ProgressPrinter implements Consumer<RunProgress> {
    private final PrintWriter err;
    private double lastPrintedWall = 1.0;

    ProgressPrinter(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void accept(RunProgress p) {
        if (p.wallSeconds() < 2.0 || p.wallSeconds() - lastPrintedWall < 1.0) return;
        lastPrintedWall = p.wallSeconds();
        String eta = "";
        double f = p.fraction();
        if (f > 0.01) eta = String.format(Locale.ROOT, ", ETA %.0f s", p.wallSeconds() * (1 - f) / f);
        String total = p.expectedRequests() > 0 ? "/" + p.expectedRequests() : "";
        err.printf(Locale.ROOT, "[servelab] t_sim=%.1f s  completed %d%s  %.2f M events/s%s%n",
                p.simulatedNanos() / 1e9, p.completed(), total, p.events() / p.wallSeconds() / 1e6, eta);
        err.flush();
    }
}
