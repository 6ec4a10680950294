package dev.servelab.hw.agent;

/**
 * Sizes the agent refuses before it tokenizes anything, so one huge prompt cannot grow the heap or
 * stall other clients: a token never covers more UTF-8 bytes than the vocabulary's longest token
 * string, so a prompt of more than {@code contextTokens × maxTokenBytes} bytes cannot fit the
 * context whatever it says. The request body is capped at what such a prompt takes in JSON
 * (each byte at most a 6-character backslash-u escape) plus room for the other fields.
 *
 * @param contextTokens the model's context length in tokens
 * @param maxTokenBytes UTF-8 bytes of the vocabulary's longest token string (at least 1)
 */
record PromptLimits(int contextTokens, int maxTokenBytes) {
    static final long BODY_SLACK_BYTES = 64 * 1024;

    PromptLimits {
        maxTokenBytes = Math.max(1, maxTokenBytes);
        contextTokens = Math.max(1, contextTokens);
    }

    /** The longest prompt, in UTF-8 bytes, that could still fit the context. */
    long promptBytes() {
        return (long) contextTokens * maxTokenBytes;
    }

    /** The largest request body read. */
    long bodyBytes() {
        return promptBytes() * 6 + BODY_SLACK_BYTES;
    }

    /** Why a prompt of {@code bytes} UTF-8 bytes is refused, or null. */
    String refusal(long bytes) {
        if (bytes <= promptBytes()) return null;
        return "prompt is " + bytes + " bytes; the model's context of " + contextTokens + " tokens holds at most "
                + promptBytes() + " bytes (" + maxTokenBytes + " bytes per token at most)";
    }
}
