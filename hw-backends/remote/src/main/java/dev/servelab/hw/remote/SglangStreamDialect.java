package dev.servelab.hw.remote;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * SGLang's OpenAI-compatible server: accepts {@code ignore_eos} (a sampling parameter of its
 * runtime) and {@code stream_options.include_usage}; its chunks carry {@code "usage": null} until the
 * usage chunk and a {@code matched_stop} field beside {@code finish_reason}, which this parser ignores.
 * Source: SGLang docs, "OpenAI Compatible API" and "Sampling Parameters".
 */
public final class SglangStreamDialect implements StreamDialect {
    @Override
    public String id() {
        return "sglang";
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
