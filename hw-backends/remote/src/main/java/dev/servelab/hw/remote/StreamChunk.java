package dev.servelab.hw.remote;

/**
 * One parsed event of a streamed response. {@code text} is the token text it carries (empty for
 * role-only, finish-only and usage-only chunks); {@code done} marks the {@code [DONE]} sentinel;
 * {@code error} is the message of an error object sent inside the stream.
 */
public record StreamChunk(String text, String finishReason, Usage usage, ServerTimings timings, boolean done,
                          String error) {
    public static final StreamChunk DONE = new StreamChunk("", null, null, null, true, null);

    public StreamChunk {
        text = text == null ? "" : text;
    }

    /** Whether this chunk is a token arrival (it carries text), as vLLM's {@code bench serve} counts them. */
    public boolean carriesToken() {
        return !text.isEmpty();
    }

    public StreamChunk withTimings(ServerTimings t) {
        return new StreamChunk(text, finishReason, usage, t, done, error);
    }
}
