package dev.servelab.engine.model;

import java.util.Locale;

/**
 * Why a request failed on a replica, as far as health tracking and the pipeline's {@code retry:}
 * policy care: the classes a router can act on (a refused connection, a broken stream, a server
 * error, an injected crash) and those it should not (a client error, a run being cancelled).
 * Spelled in pipeline files by {@link #key()} ({@code connect}, {@code stream}, {@code http-5xx}, ...).
 */
public enum FailureKind {
    /** The replica could not be reached: connection refused, no route, no response headers in time. */
    CONNECT,
    /** The stream started and broke, or ended without a token. */
    STREAM,
    /** The server answered 5xx (after the endpoint's own 429/503 retries). */
    HTTP_5XX,
    /** The server refused the request itself (4xx): the replica is healthy, the request is not retried. */
    HTTP_4XX,
    /** The replica crashed (an injected {@code faults:} crash): its running and waiting requests were dropped. */
    CRASH,
    /** The run was cancelled or failed while the request was in flight: neither counted nor retried. */
    CANCELLED;

    /** The pipeline spelling, e.g. {@code http-5xx}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether a failure of this kind counts against the replica's health. */
    public boolean countsAgainstHealth() {
        return this == CONNECT || this == STREAM || this == HTTP_5XX;
    }

    /** The kind spelled {@code key}, or null. */
    public static FailureKind ofKey(String key) {
        for (FailureKind k : values()) if (k.key().equals(key)) return k;
        return null;
    }
}
