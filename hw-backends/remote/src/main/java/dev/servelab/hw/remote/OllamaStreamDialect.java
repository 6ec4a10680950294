package dev.servelab.hw.remote;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Ollama's OpenAI compatibility layer ({@code /v1}): no {@code ignore_eos} (a request may end before
 * the trace's output length; the record says so), {@code stream_options.include_usage} supported;
 * every chat chunk repeats {@code delta.role}, and the finishing chunk has empty content with
 * {@code finish_reason} {@code stop} or {@code length}. Prompts longer than the model's context
 * ({@code num_ctx}, set on the server) are truncated by Ollama without an error.
 * Source: Ollama docs, "OpenAI compatibility" ({@code docs/openai.md}).
 */
public final class OllamaStreamDialect implements StreamDialect {
    @Override
    public String id() {
        return "ollama";
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
