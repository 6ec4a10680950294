package dev.servelab.hw.backend;

/**
 * Whether a backend can run here: {@code device} names what answered, else {@code reason} says why
 * not, in words a user can act on.
 */
public record BackendProbe(boolean available, String device, String reason) {

    public static BackendProbe ready(String device) {
        return new BackendProbe(true, device, "");
    }

    public static BackendProbe unavailable(String reason) {
        return new BackendProbe(false, "", reason);
    }
}
