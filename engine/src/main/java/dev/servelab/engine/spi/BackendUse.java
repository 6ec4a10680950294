package dev.servelab.engine.spi;

/**
 * The hardware backend a live executor runs its kernels on: the one the pipeline asked for, the one
 * that runs, and, when they differ, why (e.g. a GPU backend that failed to open). Stored with the run
 * (in its {@code versions_json}, under {@code backends}) and shown by {@code servelab runs show}; a
 * fallback is also a one-line warning on the terminal.
 */
public record BackendUse(String requested, String used, String reason) {
    public BackendUse {
        reason = reason == null ? "" : reason;
    }

    /** Whether the executor runs on another backend than the one asked for. */
    public boolean fellBack() {
        return !requested.equals(used);
    }

    /** The warning line for a fallback. */
    public String warning() {
        return "warning: backend " + requested + " requested, running on " + used + (reason.isEmpty() ? "" : ": " + reason);
    }
}
