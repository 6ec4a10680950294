package dev.servelab.hw.remote;

import dev.servelab.engine.model.FailureKind;
import dev.servelab.engine.spi.RemoteEnd;

/**
 * What the client saw of one request: when it was first sent ({@link System#nanoTime()}), the arrival
 * time of every streamed token, the generated text, what the server reported, how many attempts it
 * took (429/503 retries), and for a failed request why. Times are client-side nanoTime values.
 */
public record StreamRecord(long requestId, StreamOutcome outcome, long sentNanos, long[] tokenNanos, String text,
                           String finishReason, Usage usage, ServerTimings timings, int attempts, String error)
        implements RemoteEnd {
    @Override
    public int tokens() {
        return tokenNanos.length;
    }

    /** Send to first token, or -1 without tokens. */
    public long ttftNanos() {
        return tokenNanos.length == 0 ? -1 : tokenNanos[0] - sentNanos;
    }

    /** Mean gap after the first token (vLLM's TPOT), or -1 with fewer than two tokens. */
    public double tpotNanos() {
        int n = tokenNanos.length;
        return n < 2 ? -1 : (double) (tokenNanos[n - 1] - tokenNanos[0]) / (n - 1);
    }

    @Override
    public boolean failed() {
        return outcome == StreamOutcome.FAILED;
    }

    /**
     * The failure's kind from the client's own messages ({@link OpenAiStreamClient}): no connection or
     * no response headers is {@code connect}, an HTTP status is {@code http-5xx} or {@code http-4xx},
     * a cancel is {@code cancelled}, anything after the headers (a broken or stalled stream) {@code stream}.
     */
    @Override
    public FailureKind failure() {
        String e = error == null ? "" : error;
        if (e.startsWith("cannot connect to") || e.startsWith("no response from") || e.startsWith("request to ")) {
            return FailureKind.CONNECT;
        }
        if (e.startsWith("HTTP ")) return e.startsWith("HTTP 5") ? FailureKind.HTTP_5XX : FailureKind.HTTP_4XX;
        if (e.equals("interrupted") || e.startsWith("cancelled")) return FailureKind.CANCELLED;
        return FailureKind.STREAM;
    }

    @Override
    public String toString() {
        return "StreamRecord[request=" + requestId + ", " + outcome + ", tokens=" + tokens() + ", attempts=" + attempts
                + (error == null ? "" : ", error=" + error) + "]";
    }
}
