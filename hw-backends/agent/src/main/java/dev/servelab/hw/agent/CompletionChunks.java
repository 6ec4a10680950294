package dev.servelab.hw.agent;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The agent's streamed chunks in OpenAI's shapes: {@code text_completion} chunks with
 * {@code choices[0].text} for {@code /v1/completions}, {@code chat.completion.chunk} with
 * {@code choices[0].delta} for chat (a role-only first chunk, then content), a usage chunk with empty
 * {@code choices} when {@code stream_options.include_usage} is set (with
 * {@code prompt_tokens_details.cached_tokens}, the prompt tokens served from the prefix cache).
 * Source: OpenAI API reference, "The chat completion chunk object" and legacy completions streaming.
 */
final class CompletionChunks {
    private final boolean chat;
    private final String id;
    private final String model;
    private final long created = System.currentTimeMillis() / 1000;

    CompletionChunks(boolean chat, long requestId, String model) {
        this.chat = chat;
        this.id = (chat ? "chatcmpl-" : "cmpl-") + requestId;
        this.model = model;
    }

    String role() {
        ObjectNode root = base();
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("delta").put("role", "assistant").put("content", "");
        choice.putNull("finish_reason");
        return root.toString();
    }

    String token(String text, String finishReason) {
        ObjectNode root = base();
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        if (chat) {
            ObjectNode delta = choice.putObject("delta");
            if (!text.isEmpty() || finishReason == null) delta.put("content", text);
        } else {
            choice.put("text", text);
            choice.putNull("logprobs");
        }
        if (finishReason == null) choice.putNull("finish_reason");
        else choice.put("finish_reason", finishReason);
        return root.toString();
    }

    String usage(int promptTokens, int completionTokens, int cachedTokens) {
        ObjectNode root = base();
        root.putArray("choices");
        usage(root, promptTokens, completionTokens, cachedTokens);
        return root.toString();
    }

    /** OpenAI's usage object, with the prompt tokens served from the prefix cache as {@code prompt_tokens_details.cached_tokens}. */
    static void usage(ObjectNode root, int promptTokens, int completionTokens, int cachedTokens) {
        ObjectNode u = root.putObject("usage");
        u.put("prompt_tokens", promptTokens);
        u.put("completion_tokens", completionTokens);
        u.put("total_tokens", promptTokens + completionTokens);
        u.putObject("prompt_tokens_details").put("cached_tokens", cachedTokens);
    }

    private ObjectNode base() {
        ObjectNode root = AgentJson.MAPPER.createObjectNode();
        root.put("id", id);
        root.put("object", chat ? "chat.completion.chunk" : "text_completion");
        root.put("created", created);
        root.put("model", model);
        return root;
    }
}
