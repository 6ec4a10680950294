package dev.servelab.engine.store;

/** A run's lifecycle in the store; only {@code COMPLETED} runs have a full set of rows. */
public enum RunStatus {
    RUNNING, COMPLETED, FAILED, CANCELLED;

    public String dbValue() {
        return name().toLowerCase();
    }

    public static RunStatus of(String dbValue) {
        return valueOf(dbValue.toUpperCase());
    }
}
