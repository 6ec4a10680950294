/**
 * The ServeLab edge agent ({@code servelab agent --model FILE.gguf}): serves the JVM backend
 * ({@link dev.servelab.hw.jvm.JvmLlamaExecutor}, paged KV cache) with its own continuous-batching
 * loop ({@link dev.servelab.hw.agent.AgentScheduler}) over the OpenAI-compatible streaming API
 * ({@code /v1/completions}, {@code /v1/chat/completions}, {@code /v1/models}), plus
 * {@code GET /device} (hardware, KV capacity, queue depth) and Prometheus-format
 * {@code GET /metrics}. Built on the JDK's {@code com.sun.net.httpserver}. Binds loopback by default;
 * any other address needs a token, checked as {@code Authorization: Bearer} on every route.
 */
package dev.servelab.hw.agent;
