package dev.servelab.hw.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
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

    /** A request body larger than the agent reads (HTTP 413). */
    static final class BodyTooLarge extends IOException {
        BodyTooLarge(long limit) {
            super("request body over " + limit + " bytes");
        }
    }

    /**
     * The request body, read up to {@code limit} bytes: a larger {@code Content-Length} is refused
     * before reading, a longer chunked body as soon as it passes the limit.
     */
    static byte[] body(HttpExchange ex, long limit) throws IOException {
        String length = ex.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.strip()) > limit) throw new BodyTooLarge(limit);
            } catch (NumberFormatException e) {
                throw new IOException("bad Content-Length '" + length + "'");
            }
        }
        byte[] bytes = ex.getRequestBody().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        if (bytes.length > limit) throw new BodyTooLarge(limit);
        return bytes;
    }

    /**
     * Up to this much of a refused body is read and dropped before the 413 goes out. A client still
     * sending its body when the server closes the connection gets a reset instead of the reply (the JDK
     * server drains only 64 KiB); draining a bounded amount, as Tomcat's {@code maxSwallowSize} does,
     * lets it read the 413. Nothing is kept: the bytes go through one small buffer.
     */
    static final long REFUSED_BODY_DRAIN_BYTES = 16L << 20;

    /** Reads and drops what is left of the request body, at most {@link #REFUSED_BODY_DRAIN_BYTES}. */
    static void dropBody(HttpExchange ex) {
        byte[] sink = new byte[64 << 10];
        long left = REFUSED_BODY_DRAIN_BYTES;
        try {
            InputStream in = ex.getRequestBody();
            for (int n; left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) > 0; ) left -= n;
        } catch (IOException ignored) {
            // the client went away: nothing to reply to
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
        // A refused body is dropped only up to a bound (dropBody): the connection cannot carry another
        // request, so say so (a client that pooled it would otherwise send its next request into a reset socket).
        if (status == 413) ex.getResponseHeaders().set("Connection", "close");
        json(ex, status, root);
    }
}
