package dev.servelab.hw.agent;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The request fields the agent honours: the prompt ({@code prompt} string, or the chat
 * {@code messages}' contents joined by newlines: the agent applies no chat template),
 * {@code max_tokens} (or {@code max_completion_tokens}), {@code stream},
 * {@code stream_options.include_usage}, and vLLM's {@code ignore_eos}. Sampling is greedy whatever
 * {@code temperature} says.
 */
record CompletionParams(String prompt, int maxTokens, boolean stream, boolean includeUsage, boolean ignoreEos) {
    static CompletionParams parse(JsonNode body, boolean chat) {
        String prompt;
        if (chat) {
            StringBuilder sb = new StringBuilder();
            for (JsonNode m : body.path("messages")) {
                if (!sb.isEmpty()) sb.append('\n');
                sb.append(m.path("content").asText(""));
            }
            if (!body.path("messages").isArray()) throw new IllegalArgumentException("'messages' must be an array");
            prompt = sb.toString();
        } else {
            JsonNode p = body.path("prompt");
            if (!p.isTextual()) throw new IllegalArgumentException("'prompt' must be a string");
            prompt = p.asText();
        }
        int max = body.path("max_tokens").asInt(body.path("max_completion_tokens").asInt(16));
        if (max < 1) throw new IllegalArgumentException("'max_tokens' must be >= 1, was " + max);
        return new CompletionParams(prompt, max, body.path("stream").asBoolean(false),
                body.path("stream_options").path("include_usage").asBoolean(false), body.path("ignore_eos").asBoolean(false));
    }
}
