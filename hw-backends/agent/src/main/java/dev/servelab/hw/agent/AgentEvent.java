package dev.servelab.hw.agent;

/**
 * What the engine tells a request's HTTP handler: a token (id and text), the end of the response
 * ({@code finishReason} {@code length} or {@code stop}, with the prompt tokens the prefix cache
 * served), or an error.
 */
record AgentEvent(int tokenId, String text, String finishReason, int cachedTokens, String error) {
    static AgentEvent token(int id, String text) {
        return new AgentEvent(id, text, null, 0, null);
    }

    static AgentEvent finished(String reason, int cachedTokens) {
        return new AgentEvent(-1, "", reason, cachedTokens, null);
    }

    static AgentEvent failed(String error) {
        return new AgentEvent(-1, "", null, 0, error);
    }

    boolean isLast() {
        return finishReason != null || error != null;
    }
}
