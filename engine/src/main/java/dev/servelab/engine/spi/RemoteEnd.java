package dev.servelab.engine.spi;

import dev.servelab.engine.model.FailureKind;

/**
 * How a remote request ended, as much as the engine needs: an endpoint's own record of the stream
 * (token times, usage, retries) implements it and may carry more.
 */
public interface RemoteEnd {
    long requestId();

    /** True when the stream broke, timed out, was refused or cancelled; the tokens received are kept. */
    boolean failed();

    /** Tokens received before the end. */
    int tokens();

    /** Why it failed, in one line; null when it completed. */
    String error();

    /** What kind of failure it was, for health tracking and {@code retry:}; meaningful only when {@link #failed()}. */
    default FailureKind failure() {
        return FailureKind.STREAM;
    }
}
