/**
 * The ServeLab edge agent ({@code servelab agent --model FILE.gguf} or
 * {@code --pipeline P.yaml [--pool NAME]}): serves one pipeline pool through the engine's live mode
 * over the OpenAI-compatible streaming API ({@code /v1/completions}, {@code /v1/chat/completions},
 * {@code /v1/models}), plus {@code GET /device} (hardware, pool, KV capacity, queue depth) and
 * Prometheus-format {@code GET /metrics}.
 *
 * <p>How a request goes: the {@link dev.servelab.hw.agent.CompletionHandler} tokenizes the prompt
 * and submits it to the {@link dev.servelab.hw.agent.HttpRequestStream}, a
 * {@link dev.servelab.engine.spi.LiveRequestStream} the engine's event loop (on the wall clock, in
 * {@link dev.servelab.hw.agent.ServedPool}) polls between iterations. The request is admitted,
 * batched, paged and prefix-cached by the engine's replica with the pool's {@code batch.*} and
 * {@code kv.*} plugins ({@link dev.servelab.hw.agent.AgentPool} picks the pool: the default one or a
 * pipeline file's); the pool's live executor ({@code exec.jvm}) gets the prompt's real token ids and
 * reports each generated token through the same object as the run's
 * {@link dev.servelab.engine.spi.TokenChannel}, which hands it to the waiting handler to stream. The
 * engine knows nothing of HTTP; the agent keeps no scheduler or cache of its own.
 *
 * <p>Built on the JDK's {@code com.sun.net.httpserver}. Binds loopback by default; any other address
 * needs a token, checked as {@code Authorization: Bearer} on every route.
 */
package dev.servelab.hw.agent;
