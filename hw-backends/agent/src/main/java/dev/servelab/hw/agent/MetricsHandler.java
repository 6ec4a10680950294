package dev.servelab.hw.agent;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;

/**
 * {@code GET /metrics} in the Prometheus text exposition format (version 0.0.4): request, token and
 * iteration counters, queue and KV gauges, all prefixed {@code servelab_agent_}.
 * Source: Prometheus docs, "Exposition formats".
 */
final class MetricsHandler implements HttpHandler {
    private final AgentMetrics m;
    private final ServedPool pool;

    MetricsHandler(AgentMetrics m, ServedPool pool) {
        this.m = m;
        this.pool = pool;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            StringBuilder sb = new StringBuilder();
            counter(sb, "requests_total", "Requests accepted", m.requestsTotal.get());
            counter(sb, "requests_failed_total", "Requests that failed inside the agent", m.requestsFailed.get());
            counter(sb, "requests_rejected_total", "Requests refused with HTTP 429", m.requestsRejected.get());
            counter(sb, "prompt_tokens_total", "Prompt tokens received", m.promptTokensTotal.get());
            counter(sb, "generation_tokens_total", "Tokens generated", m.generatedTokensTotal.get());
            counter(sb, "iterations_total", "Forward passes run", m.iterationsTotal.get());
            counter(sb, "batched_tokens_total", "Tokens processed in forward passes", m.batchedTokensTotal.get());
            counter(sb, "prefix_cache_hit_tokens_total", "Prompt tokens served from the prefix cache",
                    m.prefixHitTokensTotal.get());
            counter(sb, "iteration_seconds_total", "Time spent in forward passes", m.iterationNanosTotal.get() / 1e9);
            gauge(sb, "requests_waiting", "Requests waiting for a slot", pool.stream().waiting());
            gauge(sb, "requests_running", "Requests in the running batch", pool.stream().running());
            gauge(sb, "kv_blocks_total", "KV cache blocks", pool.totalBlocks());
            gauge(sb, "kv_blocks_used", "KV cache blocks held by requests", pool.totalBlocks() - pool.freeBlocks());
            AgentJson.reply(ex, 200, "text/plain; version=0.0.4; charset=utf-8", sb.toString());
        }
    }

    private static void counter(StringBuilder sb, String name, String help, double value) {
        line(sb, name, help, "counter", value);
    }

    private static void gauge(StringBuilder sb, String name, String help, double value) {
        line(sb, name, help, "gauge", value);
    }

    private static void line(StringBuilder sb, String name, String help, String type, double value) {
        String full = "servelab_agent_" + name;
        sb.append("# HELP ").append(full).append(' ').append(help).append('\n');
        sb.append("# TYPE ").append(full).append(' ').append(type).append('\n');
        sb.append(full).append(' ').append(value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value))
                .append('\n');
    }
}
