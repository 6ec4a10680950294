package dev.servelab.hw.remote;

/** One request to send: the trace request's id, the prompt text built for it, and the output length. */
public record RemoteCall(long requestId, String prompt, int maxTokens) {
    public RemoteCall {
        if (maxTokens < 1) throw new IllegalArgumentException("request " + requestId + ": max_tokens must be >= 1");
    }
}
