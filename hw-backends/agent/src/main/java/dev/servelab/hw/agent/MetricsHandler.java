package dev.servelab.hw.agent;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;

/**
 * {@code GET /metrics} in the Prometheus text exposition format (version 0.0.4): request, token and
 * iteration counters, queue and KV gauges, all prefixed {@code servelab_agent_}; and the same state
 * under vLLM's names ({@code vllm:num_requests_running}, {@code vllm:num_requests_waiting},
 * {@code vllm:gpu_cache_usage_perc}, {@code vllm:prompt_tokens_total}, {@code vllm:generation_tokens_total},
 * {@code vllm:request_success_total}) with vLLM's latency histograms ({@code vllm:time_to_first_token_seconds},
 * {@code vllm:time_per_output_token_seconds}, {@code vllm:e2e_request_latency_seconds}), labelled
 * {@code model_name} as vLLM labels them, so dashboards and alerts written for vLLM work on an agent.
 * Counters end in {@code _total}, gauges never do ({@code promtool check metrics}).
 * Sources: Prometheus docs, "Exposition formats" and "Metric and label naming"; vLLM {@code docs/design/v1/metrics.md}.
 */
final class MetricsHandler implements HttpHandler {
    private final AgentMetrics m;
    private final ServedPool pool;
    private final String modelLabel;

    MetricsHandler(AgentMetrics m, ServedPool pool, String modelName) {
        this.m = m;
        this.pool = pool;
        this.modelLabel = "model_name=\"" + modelName.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
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
            gauge(sb, "kv_blocks", "KV cache blocks (capacity)", pool.totalBlocks());
            gauge(sb, "kv_blocks_used", "KV cache blocks held by requests", pool.totalBlocks() - pool.freeBlocks());
            vllm(sb);
            AgentJson.reply(ex, 200, "text/plain; version=0.0.4; charset=utf-8", sb.toString());
        }
    }

    /** The vLLM-named series (vLLM's {@code gpu_cache_usage_perc} is a fraction 0..1, despite its name). */
    private void vllm(StringBuilder sb) {
        int total = pool.totalBlocks();
        double usage = total == 0 ? 0 : (double) (total - pool.freeBlocks()) / total;
        labelled(sb, "vllm:num_requests_running", "Number of requests in model execution batches.", "gauge", pool.stream().running());
        labelled(sb, "vllm:num_requests_waiting", "Number of requests waiting to be processed.", "gauge", pool.stream().waiting());
        labelled(sb, "vllm:gpu_cache_usage_perc", "KV-cache usage. 1 means 100 percent usage.", "gauge", usage);
        labelled(sb, "vllm:prompt_tokens_total", "Number of prefill tokens processed.", "counter", m.promptTokensTotal.get());
        labelled(sb, "vllm:generation_tokens_total", "Number of generation tokens processed.", "counter", m.generatedTokensTotal.get());
        labelled(sb, "vllm:request_success_total", "Count of successfully processed requests.", "counter", m.requestsSucceeded.get());
        m.timeToFirstToken.write(sb, "vllm:time_to_first_token_seconds", "Histogram of time to first token in seconds.", modelLabel);
        m.timePerOutputToken.write(sb, "vllm:time_per_output_token_seconds", "Histogram of time per output token in seconds.", modelLabel);
        m.e2eLatency.write(sb, "vllm:e2e_request_latency_seconds", "Histogram of end to end request latency in seconds.", modelLabel);
    }

    private void labelled(StringBuilder sb, String name, String help, String type, double value) {
        sb.append("# HELP ").append(name).append(' ').append(help).append('\n');
        sb.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        sb.append(name).append('{').append(modelLabel).append("} ").append(number(value)).append('\n');
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
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
        sb.append(full).append(' ').append(number(value)).append('\n');
    }
}
