package dev.servelab.app.timeline;

/** What the pointer is over in the timeline: a request row, its nearest token and that token's times. */
public record TokenHit(int row, long requestId, int replica, int tokenIndex, int tokens, long arrivalNanos,
                       long tokenNanos, long gapNanos, String phase) {
}
