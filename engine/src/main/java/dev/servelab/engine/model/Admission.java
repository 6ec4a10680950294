package dev.servelab.engine.model;

/** An admission policy's verdict on one request; a rejection carries a short reason for the run store. */
public record Admission(boolean accepted, String reason) {
    public static final Admission ACCEPT = new Admission(true, null);

    public static Admission reject(String reason) {
        return new Admission(false, reason);
    }
}
