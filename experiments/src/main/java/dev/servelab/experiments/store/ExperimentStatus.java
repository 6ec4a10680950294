package dev.servelab.experiments.store;

/** An experiment's lifecycle: {@code running} while points run, then completed, or cancelled by Ctrl-C. */
public enum ExperimentStatus {
    RUNNING, COMPLETED, CANCELLED, FAILED;

    public String dbValue() {
        return name().toLowerCase();
    }

    public static ExperimentStatus of(String dbValue) {
        return valueOf(dbValue.toUpperCase());
    }
}
