package dev.servelab.hw.remote;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * vLLM's OpenAI-compatible server: takes the extra sampling parameter {@code ignore_eos} (so every
 * request generates exactly {@code max_tokens}, as {@code vllm bench serve} does), and
 * {@code stream_options.include_usage} for a final usage chunk. Chat streams open with a role-only
 * chunk ({@code delta: {role: assistant, content: ""}}), which is not a token; an error inside the
 * stream arrives as {@code data: {"error": {...}}}.
 * Source: vLLM docs, "OpenAI-Compatible Server", "Extra Parameters" (sampling parameters).
 */
public final class VllmStreamDialect implements StreamDialect {
    @Override
    public String id() {
        return "vllm";
    }

    @Override
    public boolean supportsIgnoreEos() {
        return true;
    }

    @Override
    public void decorate(ObjectNode body) {
        body.put("ignore_eos", true);
        OpenAiChunks.includeUsage(body);
    }
}
