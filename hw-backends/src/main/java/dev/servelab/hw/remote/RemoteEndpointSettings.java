package dev.servelab.hw.remote;

import dev.servelab.engine.spi.Setting;
import java.net.URI;
import java.time.Duration;

/**
 * A remote pool's endpoint node as a pipeline would give it (proposed plugin id {@code remote.openai};
 * snake_case keys): a registered device name or a URL with its dialect, route and model; the
 * environment variable of its API key; client concurrency; timeouts; 429/503 retries.
 */
public record RemoteEndpointSettings(
        @Setting(summary = "registered device name (servelab device add); empty: use url") String device,
        @Setting(summary = "base URL when no device is named, e.g. http://10.0.0.7:8088") String url,
        @Setting(summary = "openai, vllm, sglang, llamacpp, ollama or servelab") String dialect,
        @Setting(summary = "completions or chat") String api,
        @Setting(summary = "model to request; empty: the first the device lists") String model,
        @Setting(summary = "environment variable holding the API key (never stored)") String apiKeyEnv,
        @Setting(summary = "streams open at once from this client", min = 1, max = 4096) int maxConcurrent,
        @Setting(summary = "connect timeout", unit = "ms", min = 1) long connectTimeoutMs,
        @Setting(summary = "time to the response headers", unit = "ms", min = 1) long headersTimeoutMs,
        @Setting(summary = "time for a whole streamed response", unit = "ms", min = 1) long streamTimeoutMs,
        @Setting(summary = "attempts on HTTP 429/503, first included", min = 1, max = 100) int maxAttempts,
        @Setting(summary = "first wait before a retry (doubles each time)", unit = "ms", min = 0) long backoffMs) {
    public RemoteEndpointSettings() {
        this("", "", "servelab", "completions", "", "", 256, 5_000, 60_000, 600_000, 4, 200);
    }

    /** The endpoint configuration, the device looked up in {@code registry} when one is named. */
    public EndpointConfig endpoint(DeviceRegistry registry, String nodePath) throws java.io.IOException {
        EndpointConfig base;
        if (device != null && !device.isBlank()) {
            base = registry.find(device).orElseThrow(() -> new IllegalArgumentException(nodePath + ".device: no device called '"
                    + device + "' in " + registry.home() + " (add it with 'servelab device add URL --name " + device + "')"))
                    .endpoint();
        } else {
            if (url == null || url.isBlank()) throw new IllegalArgumentException(nodePath + ": give 'device' or 'url'");
            base = new EndpointConfig(nodePath, URI.create(url), model, EndpointApi.valueOf(api.toUpperCase(java.util.Locale.ROOT)),
                    StreamDialect.byId(dialect), null, Timeouts.defaults(), RetryPolicy.defaults(), null);
            if (apiKeyEnv != null && !apiKeyEnv.isBlank()) base = base.withApiKey(ApiKey.fromEnv(apiKeyEnv));
        }
        if (model != null && !model.isBlank()) base = base.withModel(model);
        return base.withTimeouts(new Timeouts(Duration.ofMillis(connectTimeoutMs), Duration.ofMillis(headersTimeoutMs),
                Duration.ofMillis(streamTimeoutMs))).withRetry(new RetryPolicy(maxAttempts, backoffMs, 2.0,
                Math.max(backoffMs, 10_000)));
    }

    /** The live endpoint for one replica of the pool; prompts salted with the run's seed. */
    public OpenAiRemoteEndpoint open(DeviceRegistry registry, String nodePath, long seed) throws java.io.IOException {
        return new OpenAiRemoteEndpoint(endpoint(registry, nodePath), new TracePromptBuilder(seed), maxConcurrent);
    }
}
