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
 * BOS), hands it to the served pool's live run (HTTP 429 with {@code Retry-After} when too many
 * wait), and streams each token as a server-sent event the moment the executor produced it, ending
 * with {@code data: [DONE]}; or, without {@code stream}, answers once at the end. Usage reports the
 * prompt tokens the prefix cache served as {@code prompt_tokens_details.cached_tokens}. A client that
 * goes away cancels its request, which the engine ends after its current iteration, freeing its KV blocks.
 */
final class CompletionHandler implements HttpHandler {
    private final boolean chat;
    private final ServedPool pool;
    private final Tokenizer tokenizer;
    private final String modelId;
    private final AgentConfig config;
    private final AgentMetrics metrics;
    private final PromptLimits limits;

    CompletionHandler(boolean chat, ServedPool pool, Tokenizer tokenizer, String modelId, AgentConfig config,
                      AgentMetrics metrics, PromptLimits limits) {
        this.limits = limits;
        this.chat = chat;
        this.pool = pool;
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
                JsonNode body = AgentJson.MAPPER.readTree(AgentJson.body(ex, limits.bodyBytes()));
                params = CompletionParams.parse(body == null ? AgentJson.MAPPER.createObjectNode() : body, chat);
            } catch (AgentJson.BodyTooLarge e) {
                AgentJson.dropBody(ex);
                AgentJson.error(ex, 413, e.getMessage() + "; the model's context of " + limits.contextTokens()
                        + " tokens needs no more");
                return;
            } catch (IOException | IllegalArgumentException e) {
                AgentJson.error(ex, 400, "bad request: " + e.getMessage());
                return;
            }
            String tooLong = params.prompt() == null ? null
                    : limits.refusal(params.prompt().getBytes(StandardCharsets.UTF_8).length);
            if (tooLong != null) {
                AgentJson.error(ex, 400, tooLong);
                return;
            }
            if (pool.broken() != null) {
                AgentJson.error(ex, 503, pool.broken());
                return;
            }
            HttpRequestStream stream = pool.stream();
            if (stream.waiting() >= config.maxWaiting()) {
                metrics.requestsRejected.incrementAndGet();
                ex.getResponseHeaders().set("Retry-After", "1");
                AgentJson.error(ex, 429, stream.waiting() + " requests are waiting; try again later");
                return;
            }
            int[] tokens = params.promptTokens() != null ? checkedIds(params.promptTokens()) : withBos(tokenizer.encode(params.prompt()));
            if (tokens == null) {
                AgentJson.error(ex, 400, "'prompt' token ids must be in [0, " + tokenizer.vocabSize() + ")");
                return;
            }
            if (tokens.length == 0) {
                AgentJson.error(ex, 400, "empty prompt");
                return;
            }
            String refused = pool.refusal(tokens.length, params.maxTokens());
            if (refused != null) {
                AgentJson.error(ex, 400, refused);
                return;
            }
            metrics.requestsTotal.incrementAndGet();
            metrics.promptTokensTotal.addAndGet(tokens.length);
            long acceptedNanos = System.nanoTime();
            AgentRequest r = stream.submit(tokens, params.maxTokens(), params.ignoreEos());
            r.acceptedNanos = acceptedNanos;
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
                    if (params.includeUsage()) send(out, chunks.usage(r.prompt.length, n, e.cachedTokens()));
                    send(out, "[DONE]");
                    return;
                }
                send(out, chunks.token(e.text(), null));
                n++;
            }
        } catch (IOException e) {
            pool.stream().cancel(r);
            throw e;
        } catch (InterruptedException e) {
            pool.stream().cancel(r);
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
                    AgentJson.reply(ex, 200, "application/json", wholeBody(r, text.toString(), n, e));
                    return;
                }
                text.append(e.text());
                n++;
            }
        } catch (InterruptedException e) {
            pool.stream().cancel(r);
            Thread.currentThread().interrupt();
        }
    }

    private String wholeBody(AgentRequest r, String text, int n, AgentEvent end) {
        ObjectNode root = AgentJson.MAPPER.createObjectNode();
        root.put("id", (chat ? "chatcmpl-" : "cmpl-") + r.id);
        root.put("object", chat ? "chat.completion" : "text_completion");
        root.put("model", modelId);
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        if (chat) choice.putObject("message").put("role", "assistant").put("content", text);
        else choice.put("text", text);
        choice.put("finish_reason", end.finishReason());
        CompletionChunks.usage(root, r.prompt.length, n, end.cachedTokens());
        return root.toString();
    }

    /** The next event; waits in bounded steps so a stopped agent's handler threads end. */
    private AgentEvent next(AgentRequest r) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            AgentEvent e = r.events().poll(1, TimeUnit.SECONDS);
            if (e != null) {
                observe(r, e);
                return e;
            }
        }
        pool.stream().cancel(r);
        return AgentEvent.failed("no progress for 600 s");
    }

    /**
     * vLLM's latency histograms, on the wall clock from when the request was accepted: time to the
     * first token, each gap between tokens (vLLM's time per output token), and the whole request.
     */
    private void observe(AgentRequest r, AgentEvent e) {
        long now = System.nanoTime();
        if (e.error() != null) return;
        if (e.finishReason() != null) {
            metrics.e2eLatency.observe((now - r.acceptedNanos) / 1e9);
            metrics.requestsSucceeded.incrementAndGet();
            return;
        }
        if (r.lastTokenNanos == 0) metrics.timeToFirstToken.observe((now - r.acceptedNanos) / 1e9);
        else metrics.timePerOutputToken.observe((now - r.lastTokenNanos) / 1e9);
        r.lastTokenNanos = now;
    }

    /** Client-given token ids, with BOS in front unless they start with it; null when one is outside the vocabulary. */
    private int[] checkedIds(int[] ids) {
        for (int id : ids) if (id < 0 || id >= tokenizer.vocabSize()) return null;
        return ids.length > 0 && ids[0] == tokenizer.bosToken() ? ids : withBos(ids);
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
