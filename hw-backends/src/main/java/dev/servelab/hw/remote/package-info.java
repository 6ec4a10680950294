/**
 * Remote replicas: a streaming client for OpenAI-compatible servers
 * ({@link dev.servelab.hw.remote.OpenAiStreamClient}) that records every streamed token's arrival
 * time, dialects for vLLM, SGLang, llama.cpp server and Ollama
 * ({@link dev.servelab.hw.remote.StreamDialect}), deterministic prompts built from a trace
 * ({@link dev.servelab.hw.remote.TracePromptBuilder}), a retry policy for HTTP 429/503, the device
 * registry and probe that turn one measured device into a {@link dev.servelab.hw.remote.DeviceProfile}
 * the simulator can use ({@code exec.device-profile}), and the seam the live engine uses for a
 * replica that is a remote endpoint batching internally ({@link dev.servelab.hw.remote.RemoteEndpoint}).
 *
 * <p>Sources: the OpenAI API reference (completions, chat completions, streaming as server-sent
 * events, {@code stream_options.include_usage}); the WHATWG HTML "server-sent events" section for
 * the event-stream format.
 */
package dev.servelab.hw.remote;
