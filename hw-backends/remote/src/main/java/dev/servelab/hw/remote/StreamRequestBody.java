package dev.servelab.hw.remote;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON body of a streamed request: {@code model}, the prompt ({@code prompt} for completions,
 * one user message for chat), {@code max_tokens} = the trace's output length, {@code stream: true},
 * {@code temperature: 0} (greedy, repeatable), then the dialect's extras ({@code ignore_eos}, usage).
 * Source: OpenAI API reference, "Create completion" and "Create chat completion".
 */
final class StreamRequestBody {
    private StreamRequestBody() {
    }

    static String json(EndpointConfig config, RemoteCall call) {
        ObjectNode body = OpenAiChunks.MAPPER.createObjectNode();
        body.put("model", config.model());
        if (config.api() == EndpointApi.CHAT) {
            ObjectNode message = body.putArray("messages").addObject();
            message.put("role", "user");
            message.put("content", call.prompt());
        } else {
            body.put("prompt", call.prompt());
        }
        body.put("max_tokens", call.maxTokens());
        body.put("stream", true);
        body.put("temperature", 0);
        config.dialect().decorate(body);
        return body.toString();
    }
}
