package dev.servelab.hw.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * llama.cpp's {@code llama-server}: its OpenAI-compatible routes take the native options
 * {@code ignore_eos} and {@code cache_prompt} (reuse the slot's KV cache for a common prefix); the
 * last chunk carries {@code timings} ({@code prompt_n}, {@code prompt_ms}, {@code predicted_n},
 * {@code predicted_ms}, {@code cache_n}), the server's own view of prefill and decode, kept here
 * beside the client's arrival times.
 * Source: llama.cpp, {@code tools/server/README.md} ("POST /completion" options, "OpenAI-compatible API").
 */
public final class LlamaCppStreamDialect implements StreamDialect {
    @Override
    public String id() {
        return "llamacpp";
    }

    @Override
    public boolean supportsIgnoreEos() {
        return true;
    }

    @Override
    public void decorate(ObjectNode body) {
        body.put("ignore_eos", true);
        body.put("cache_prompt", true);
        OpenAiChunks.includeUsage(body);
    }

    @Override
    public StreamChunk parse(String data) {
        if (OpenAiChunks.isDone(data)) {
            return StreamChunk.DONE;
        }
        JsonNode root = OpenAiChunks.tree(data);
        StreamChunk chunk = OpenAiChunks.parse(root);
        JsonNode t = root.get("timings");
        if (t == null || !t.isObject()) {
            return chunk;
        }
        return chunk.withTimings(new ServerTimings(t.path("prompt_n").asInt(-1), t.path("prompt_ms").asDouble(Double.NaN),
                t.path("predicted_n").asInt(-1), t.path("predicted_ms").asDouble(Double.NaN), t.path("cache_n").asInt(-1)));
    }
}
