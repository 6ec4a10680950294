package dev.servelab.hw.remote;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A tiny loopback server answering the n-th POST with the n-th scripted step (the last one repeats). */
final class ScriptedSseServer implements AutoCloseable {
    /** One scripted answer. */
    interface Step {
        void answer(HttpExchange ex) throws IOException;
    }

    private final HttpServer server;
    private final AtomicInteger calls = new AtomicInteger();
    final List<String> authorizations = new CopyOnWriteArrayList<>();

    ScriptedSseServer(List<Step> steps) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", ex -> {
            try (ex) {
                ex.getRequestBody().readAllBytes();
                authorizations.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
                int n = calls.getAndIncrement();
                steps.get(Math.min(n, steps.size() - 1)).answer(ex);
            }
        });
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    int calls() {
        return calls.get();
    }

    static Step status(int code, String retryAfter) {
        return ex -> {
            if (retryAfter != null) ex.getResponseHeaders().set("Retry-After", retryAfter);
            byte[] b = ("{\"error\":{\"message\":\"busy\"}}").getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(code, b.length);
            ex.getResponseBody().write(b);
        };
    }

    /** Streams {@code tokens} completion chunks, then [DONE] if {@code finish}, else just closes. */
    static Step stream(int tokens, boolean finish) {
        return ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/event-stream");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            for (int i = 0; i < tokens; i++) {
                String reason = finish && i == tokens - 1 ? "\"length\"" : "null";
                send(out, "{\"choices\":[{\"index\":0,\"text\":\" t" + i + "\",\"finish_reason\":" + reason + "}]}");
            }
            if (finish) send(out, "[DONE]");
        };
    }

    static void send(OutputStream out, String data) throws IOException {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
