package dev.servelab.engine.run;

/** A snapshot of a running simulation, cheap to read from another thread (progress bars, the workbench). */
public record RunProgress(long simulatedNanos, long events, long arrived, long completed, long expectedRequests,
                          double wallSeconds) {
    /** Fraction done in [0, 1] when the number of requests is known, else -1. */
    public double fraction() {
        return expectedRequests > 0 ? Math.min(1.0, (double) completed / expectedRequests) : -1;
    }
}
