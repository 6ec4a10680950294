/**
 * Remote replicas: a streaming client for OpenAI-compatible servers
 * ({@link dev.servelab.hw.remote.OpenAiStreamClient}) that records every streamed token's arrival
 * time, dialects for vLLM, SGLang, llama.cpp server and Ollama
 * ({@link dev.servelab.hw.remote.StreamDialect}), deterministic prompts built from a trace
 * ({@link dev.servelab.hw.remote.TracePromptBuilder}), a retry policy for HTTP 429/503, the device
 * registry and probe that turn one measured device into a {@link dev.servelab.hw.remote.DeviceProfile}
 * the simulator can use ({@code exec.device-profile}), and {@code remote.openai}, the plugin by
 * which a pipeline's remote pool uses such a server as a replica batching internally (the engine's
 * {@link dev.servelab.engine.spi.RemoteEndpoint}; {@link dev.servelab.hw.remote.OpenAiEndpointPlugin}).
 * {@link dev.servelab.hw.remote.DeviceRegistration} is the one place that checks and stores a new
 * device ({@code servelab device add} and the workbench's Devices tab).
 *
 * <p>Sources: the OpenAI API reference (completions, chat completions, streaming as server-sent
 * events, {@code stream_options.include_usage}); the WHATWG HTML "server-sent events" section for
 * the event-stream format.
 */
package dev.servelab.hw.remote;
