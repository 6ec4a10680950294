package dev.servelab.hw.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Parsing shared by every dialect: the OpenAI streaming chunk shapes. A completions chunk carries
 * its token in {@code choices[0].text}, a chat chunk in {@code choices[0].delta.content} (or
 * {@code delta.reasoning_content} for reasoning models on vLLM and SGLang); {@code finish_reason}
 * is null until the last token; with {@code stream_options.include_usage} a final chunk with empty
 * {@code choices} carries {@code usage}; {@code data: [DONE]} ends the stream.
 * Source: OpenAI API reference, "Streaming" and "The chat completion chunk object".
 */
final class OpenAiChunks {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private OpenAiChunks() {
    }

    static StreamChunk parse(String data) {
        return parse(tree(data));
    }

    static JsonNode tree(String data) {
        try {
            return MAPPER.readTree(data);
        } catch (java.io.IOException e) {
            String head = data.length() > 80 ? data.substring(0, 80) + "..." : data;
            throw new StreamFormatException("not a JSON chunk: '" + head + "'", e);
        }
    }

    static boolean isDone(String data) {
        return data.strip().equals("[DONE]");
    }

    static StreamChunk parse(JsonNode root) {
        JsonNode error = root.get("error");
        if (error != null && !error.isNull()) {
            String msg = error.isTextual() ? error.asText() : error.path("message").asText(error.toString());
            return new StreamChunk("", null, null, null, false, msg);
        }
        JsonNode choice = root.path("choices").path(0);
        String text = "";
        String finish = null;
        if (!choice.isMissingNode()) {
            text = textOf(choice);
            JsonNode f = choice.get("finish_reason");
            finish = f == null || f.isNull() ? null : f.asText();
        }
        return new StreamChunk(text, finish, usage(root.get("usage")), null, false, null);
    }

    private static String textOf(JsonNode choice) {
        JsonNode t = choice.get("text");
        if (t != null && t.isTextual()) {
            return t.asText();
        }
        JsonNode delta = choice.path("delta");
        JsonNode c = delta.get("content");
        if (c != null && c.isTextual() && !c.asText().isEmpty()) {
            return c.asText();
        }
        JsonNode r = delta.get("reasoning_content");
        return r != null && r.isTextual() ? r.asText() : "";
    }

    static Usage usage(JsonNode u) {
        if (u == null || u.isNull() || !u.isObject()) {
            return null;
        }
        int cached = u.path("prompt_tokens_details").path("cached_tokens").asInt(-1);
        return new Usage(u.path("prompt_tokens").asInt(-1), u.path("completion_tokens").asInt(-1), cached);
    }

    /** {@code stream_options: {include_usage: true}}: the usage chunk at the end of the stream. */
    static void includeUsage(ObjectNode body) {
        body.putObject("stream_options").put("include_usage", true);
    }
}
