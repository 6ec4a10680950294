package dev.servelab.hw.remote;

/**
 * A remote token or request end, stamped in run time (nanoseconds since the run's start, on the
 * pacer's scale). {@code record} is set only for ends.
 */
public record RemoteEvent(long requestId, int tokenIndex, long runNanos, StreamRecord record) {
    public boolean isEnd() {
        return record != null;
    }
}
