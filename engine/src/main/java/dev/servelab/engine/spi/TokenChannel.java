package dev.servelab.engine.spi;

import dev.servelab.engine.model.Request;

/**
 * Real token ids passed between a live workload source and a live executor, for requests that carry
 * text (the edge agent's HTTP prompts): the source hands the executor each prompt's ids, and the
 * executor reports every token it generates, on the event-loop thread, the moment its forward pass
 * produced it. The engine itself knows only token counts; it passes the channel through
 * {@link ExecutorContext#tokens()}. Simulated executors ignore it.
 */
public interface TokenChannel {
    /** No real tokens: live executors synthesise prompts from the request's lengths and prefix hashes. */
    TokenChannel NONE = new TokenChannel() {
        @Override
        public int[] promptTokens(Request request) {
            return null;
        }

        @Override
        public boolean onToken(long requestId, int index, int tokenId) {
            return false;
        }
    };

    /** The prompt's token ids ({@code request.promptTokens()} of them), or null when the request has none. */
    int[] promptTokens(Request request);

    /**
     * Output token {@code index} (0-based) of {@code requestId} is {@code tokenId}. Returns true when the
     * request ends with this token (end of sequence, or its client went away) so the executor can drop
     * its state for it; the source then asks the engine to stop the request
     * ({@link LiveRequestStream.Input#stop}).
     */
    boolean onToken(long requestId, int index, int tokenId);
}
