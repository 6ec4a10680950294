package dev.servelab.engine.store;

/**
 * A run's lifecycle in the store; only {@code COMPLETED} runs have a full set of rows.
 * {@code INTERRUPTED}: the process writing the run died (killed, crashed, power lost); the store
 * marks it so the next time it is opened, with the time of the run's last progress.
 */
public enum RunStatus {
    RUNNING, COMPLETED, FAILED, CANCELLED, INTERRUPTED;

    public String dbValue() {
        return name().toLowerCase();
    }

    public static RunStatus of(String dbValue) {
        return valueOf(dbValue.toUpperCase());
    }
}
