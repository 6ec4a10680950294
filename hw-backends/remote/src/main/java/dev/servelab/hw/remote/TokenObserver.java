package dev.servelab.hw.remote;

/** Told of each token as it arrives, on the thread reading the stream. */
@FunctionalInterface
public interface TokenObserver {
    TokenObserver NONE = (id, index, nanos) -> { };

    void onToken(long requestId, int index, long arrivalNanos);
}
