package dev.servelab.hw.agent;

/**
 * What the scheduler tells a request's HTTP handler: a token (id and text), the end of the
 * response ({@code finishReason} {@code length} or {@code stop}), or an error.
 */
record AgentEvent(int tokenId, String text, String finishReason, String error) {
    static AgentEvent token(int id, String text) {
        return new AgentEvent(id, text, null, null);
    }

    static AgentEvent finished(String reason) {
        return new AgentEvent(-1, "", reason, null);
    }

    static AgentEvent failed(String error) {
        return new AgentEvent(-1, "", null, error);
    }

    boolean isLast() {
        return finishReason != null || error != null;
    }
}
