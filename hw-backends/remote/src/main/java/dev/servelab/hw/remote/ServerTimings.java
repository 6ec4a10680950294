package dev.servelab.hw.remote;

/**
 * Times an endpoint reports about itself (llama.cpp server's {@code timings}; Ollama's native
 * durations): prompt tokens evaluated and the time taken, tokens predicted and their time, and
 * prompt tokens reused from its cache (-1 when not reported).
 */
public record ServerTimings(int promptTokens, double promptMs, int predictedTokens, double predictedMs, int cachedTokens) {
}
