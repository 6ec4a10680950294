package dev.servelab.experiments.point;

/** How a point ended; {@code CANCELLED} points are not stored, so a re-run runs them again. */
public enum PointStatus {
    COMPLETED, INFEASIBLE, FAILED, CANCELLED;

    public String dbValue() {
        return name().toLowerCase();
    }

    public static PointStatus of(String dbValue) {
        return valueOf(dbValue.toUpperCase());
    }
}
