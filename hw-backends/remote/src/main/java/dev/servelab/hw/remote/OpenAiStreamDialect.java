package dev.servelab.hw.remote;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Plain OpenAI API: no way to ignore end-of-sequence; usage requested with
 * {@code stream_options.include_usage}. Source: OpenAI API reference, chat completions and
 * completions, "stream_options".
 */
public final class OpenAiStreamDialect implements StreamDialect {
    @Override
    public String id() {
        return "openai";
    }

    @Override
    public boolean supportsIgnoreEos() {
        return false;
    }

    @Override
    public void decorate(ObjectNode body) {
        OpenAiChunks.includeUsage(body);
    }
}
