package dev.servelab.hw.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.servelab.hw.jvm.tokenizer.Tokenizer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * {@code POST /v1/completions} and {@code POST /v1/chat/completions}: tokenizes the prompt (with
 * BOS), queues it on the scheduler (HTTP 429 with {@code Retry-After} when too many wait), and
 * streams each token as a server-sent event the moment the scheduler hands it over, ending with
 * {@code data: [DONE]}; or, without {@code stream}, answers once at the end. A client that goes
 * away cancels its request, which frees its KV blocks.
 */
final class CompletionHandler implements HttpHandler {
    private final boolean chat;
    private final AgentScheduler scheduler;
    private final Tokenizer tokenizer;
    private final String modelId;
    private final AgentConfig config;
    private final AgentMetrics metrics;

    CompletionHandler(boolean chat, AgentScheduler scheduler, Tokenizer tokenizer, String modelId, AgentConfig config,
                      AgentMetrics metrics) {
        this.chat = chat;
        this.scheduler = scheduler;
        this.tokenizer = tokenizer;
        this.modelId = modelId;
        this.config = config;
        this.metrics = metrics;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (!"POST".equals(ex.getRequestMethod())) {
                AgentJson.error(ex, 405, "use POST");
                return;
            }
            CompletionParams params;
            try {
                JsonNode body = AgentJson.MAPPER.readTree(ex.getRequestBody());
                params = CompletionParams.parse(body == null ? AgentJson.MAPPER.createObjectNode() : body, chat);
            } catch (IOException | IllegalArgumentException e) {
                AgentJson.error(ex, 400, "bad request: " + e.getMessage());
                return;
            }
            if (scheduler.waiting() >= config.maxWaiting()) {
                metrics.requestsRejected.incrementAndGet();
                ex.getResponseHeaders().set("Retry-After", "1");
                AgentJson.error(ex, 429, scheduler.waiting() + " requests are waiting; try again later");
                return;
            }
            int[] tokens = withBos(tokenizer.encode(params.prompt()));
            if (tokens.length == 0) {
                AgentJson.error(ex, 400, "empty prompt");
                return;
            }
            String refused = scheduler.refusal(tokens.length, params.maxTokens());
            if (refused != null) {
                AgentJson.error(ex, 400, refused);
                return;
            }
            metrics.requestsTotal.incrementAndGet();
            metrics.promptTokensTotal.addAndGet(tokens.length);
            AgentRequest r = scheduler.submit(tokens, params.maxTokens(), params.ignoreEos());
            CompletionChunks chunks = new CompletionChunks(chat, r.id, modelId);
            if (params.stream()) {
                stream(ex, r, params, chunks);
            } else {
                whole(ex, r);
            }
        }
    }

    private void stream(HttpExchange ex, AgentRequest r, CompletionParams params, CompletionChunks chunks) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/event-stream");
        ex.getResponseHeaders().set("Cache-Control", "no-cache");
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        int n = 0;
        try {
            if (chat) send(out, chunks.role());
            while (true) {
                AgentEvent e = next(r);
                if (e.error() != null) {
                    ObjectNode err = AgentJson.MAPPER.createObjectNode();
                    err.putObject("error").put("message", e.error());
                    send(out, err.toString());
                    return;
                }
                if (e.finishReason() != null) {
                    send(out, chunks.token("", e.finishReason()));
                    if (params.includeUsage()) send(out, chunks.usage(r.prompt.length, n));
                    send(out, "[DONE]");
                    return;
                }
                send(out, chunks.token(e.text(), null));
                n++;
            }
        } catch (IOException e) {
            r.cancel();
            throw e;
        } catch (InterruptedException e) {
            r.cancel();
            Thread.currentThread().interrupt();
        }
    }

    private void whole(HttpExchange ex, AgentRequest r) throws IOException {
        StringBuilder text = new StringBuilder();
        int n = 0;
        try {
            while (true) {
                AgentEvent e = next(r);
                if (e.error() != null) {
                    AgentJson.error(ex, 500, e.error());
                    return;
                }
                if (e.finishReason() != null) {
                    AgentJson.reply(ex, 200, "application/json", wholeBody(r, text.toString(), n, e.finishReason()));
                    return;
                }
                text.append(e.text());
                n++;
            }
        } catch (InterruptedException e) {
            r.cancel();
            Thread.currentThread().interrupt();
        }
    }

    private String wholeBody(AgentRequest r, String text, int n, String finish) {
        ObjectNode root = AgentJson.MAPPER.createObjectNode();
        root.put("id", (chat ? "chatcmpl-" : "cmpl-") + r.id);
        root.put("object", chat ? "chat.completion" : "text_completion");
        root.put("model", modelId);
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        if (chat) choice.putObject("message").put("role", "assistant").put("content", text);
        else choice.put("text", text);
        choice.put("finish_reason", finish);
        root.putObject("usage").put("prompt_tokens", r.prompt.length).put("completion_tokens", n)
                .put("total_tokens", r.prompt.length + n);
        return root.toString();
    }

    /** The next event; waits in bounded steps so a stopped agent's handler threads end. */
    private AgentEvent next(AgentRequest r) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            AgentEvent e = r.events().poll(1, TimeUnit.SECONDS);
            if (e != null) return e;
        }
        r.cancel();
        return AgentEvent.failed("no progress for 600 s");
    }

    private int[] withBos(int[] tokens) {
        int bos = tokenizer.bosToken();
        if (bos < 0) return tokens;
        int[] out = new int[tokens.length + 1];
        out[0] = bos;
        System.arraycopy(tokens, 0, out, 1, tokens.length);
        return out;
    }

    private static void send(OutputStream out, String data) throws IOException {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
