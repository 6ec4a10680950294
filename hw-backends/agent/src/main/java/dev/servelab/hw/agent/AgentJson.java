package dev.servelab.hw.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** JSON bodies and plain replies of the agent's routes. */
final class AgentJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private AgentJson() {
    }

    static void reply(HttpExchange ex, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    static void json(HttpExchange ex, int status, Object body) throws IOException {
        reply(ex, status, "application/json", MAPPER.writeValueAsString(body));
    }

    /** An OpenAI-style error object: {@code {"error": {"message", "type", "code"}}}. */
    static void error(HttpExchange ex, int status, String message) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode e = root.putObject("error");
        e.put("message", message);
        e.put("type", status == 401 ? "authentication_error" : status == 429 ? "rate_limit_error" : "invalid_request_error");
        e.put("code", status);
        json(ex, status, root);
    }
}
