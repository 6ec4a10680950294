package dev.servelab.hw.agent;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The request fields the agent honours, in the shapes OpenAI's API accepts: the prompt
 * ({@code prompt} as a string, a one-element list of strings, or a list of token ids; or the chat
 * {@code messages}' contents, each a string or a list of {@code {"type": "text", "text": ...}} parts,
 * joined by newlines: the agent applies no chat template), {@code max_tokens} (or
 * {@code max_completion_tokens}, an integer in [1, 2^31 − 1], never wrapped), {@code stream},
 * {@code stream_options.include_usage}, and vLLM's {@code ignore_eos}. Sampling is greedy whatever
 * {@code temperature} says.
 *
 * @param prompt       the prompt text, or null when the client sent token ids
 * @param promptTokens the prompt's token ids when the client sent them, else null
 */
record CompletionParams(String prompt, int[] promptTokens, int maxTokens, boolean stream, boolean includeUsage,
                        boolean ignoreEos) {
    static CompletionParams parse(JsonNode body, boolean chat) {
        String prompt = null;
        int[] ids = null;
        if (chat) {
            prompt = messages(body.path("messages"));
        } else {
            JsonNode p = body.path("prompt");
            if (p.isTextual()) {
                prompt = p.asText();
            } else if (p.isArray() && p.size() == 1 && p.get(0).isTextual()) {
                prompt = p.get(0).asText();
            } else if (p.isArray() && !p.isEmpty() && allIntegers(p)) {
                ids = new int[p.size()];
                for (int i = 0; i < ids.length; i++) ids[i] = p.get(i).intValue();
            } else if (p.isArray() && p.size() > 1) {
                throw new IllegalArgumentException("'prompt' holds " + p.size() + " prompts; the agent answers one per request");
            } else {
                throw new IllegalArgumentException("'prompt' must be a string, a list of one string or a list of token ids");
            }
        }
        int max = maxTokens(body);
        return new CompletionParams(prompt, ids, max, body.path("stream").asBoolean(false),
                body.path("stream_options").path("include_usage").asBoolean(false), body.path("ignore_eos").asBoolean(false));
    }

    private static String messages(JsonNode messages) {
        if (!messages.isArray()) throw new IllegalArgumentException("'messages' must be an array");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < messages.size(); i++) {
            if (!sb.isEmpty()) sb.append('\n');
            JsonNode content = messages.get(i).path("content");
            if (content.isArray()) {
                for (JsonNode part : content) {
                    if (!"text".equals(part.path("type").asText()) || !part.path("text").isTextual()) {
                        throw new IllegalArgumentException("messages[" + i + "].content: only {\"type\": \"text\", \"text\": ...}"
                                + " parts are supported, found type '" + part.path("type").asText() + "'");
                    }
                    sb.append(part.path("text").asText());
                }
            } else {
                sb.append(content.asText(""));
            }
        }
        return sb.toString();
    }

    private static boolean allIntegers(JsonNode array) {
        for (JsonNode v : array) if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 0) return false;
        return true;
    }

    /** {@code max_tokens}, else {@code max_completion_tokens}, else 16; a non-integer or out-of-range value is refused. */
    private static int maxTokens(JsonNode body) {
        String key = body.hasNonNull("max_tokens") ? "max_tokens" : body.hasNonNull("max_completion_tokens") ? "max_completion_tokens" : null;
        if (key == null) return 16;
        JsonNode v = body.get(key);
        if (!v.isIntegralNumber()) throw new IllegalArgumentException("'" + key + "' must be an integer, was " + v);
        if (!v.canConvertToInt() || v.intValue() < 1) {
            throw new IllegalArgumentException("'" + key + "' must be in [1, " + Integer.MAX_VALUE + "], was " + v.asText());
        }
        return v.intValue();
    }
}
