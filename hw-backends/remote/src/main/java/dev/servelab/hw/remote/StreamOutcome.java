package dev.servelab.hw.remote;

/** How a streamed request ended. */
public enum StreamOutcome {
    /** The server finished the response ({@code finish_reason} or {@code [DONE]}). */
    COMPLETED,
    /** Refused, timed out, or the stream broke; the tokens received before are kept. */
    FAILED
}
