package dev.servelab.hw.remote;

import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.model.Request;
import dev.servelab.engine.spi.Plugin;
import dev.servelab.engine.spi.PluginContext;
import dev.servelab.engine.spi.RemoteEndpoint;
import dev.servelab.engine.spi.RemoteTokenListener;
import dev.servelab.engine.spi.Setting;
import java.net.URI;
import java.time.Duration;

/**
 * {@code remote.openai}: a remote pool's endpoint node, one {@link OpenAiRemoteEndpoint} per replica.
 * Settings (snake_case in the pipeline): a registered device name or a URL with its dialect, route and
 * model; the environment variable of its API key; client concurrency; timeouts; 429/503 retries.
 * Prompts are salted with the node's seed.
 */
@Plugin(id = "remote.openai", summary = "an OpenAI-compatible server (vLLM, SGLang, llama.cpp, Ollama, ServeLab agent) as a replica",
        source = "OpenAI API reference: completions and chat completions, streaming as server-sent events")
public final class OpenAiEndpointPlugin implements RemoteEndpoint {
    private final OpenAiRemoteEndpoint endpoint;

    /** For plugin discovery only; the engine creates endpoints with their settings. */
    public OpenAiEndpointPlugin() {
        this.endpoint = null;
    }

    public OpenAiEndpointPlugin(Settings settings, PluginContext context) {
        try {
            this.endpoint = settings.open(DeviceRegistry.standard(), context.nodePath(), context.seed());
        } catch (java.io.IOException e) {
            throw new ServeLabException(context.nodePath() + ".device: cannot read the device registry: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new ServeLabException(e.getMessage().startsWith(context.nodePath()) ? e.getMessage()
                    : context.nodePath() + ": " + e.getMessage(), e);
        }
    }

    private OpenAiRemoteEndpoint endpoint() {
        if (endpoint == null) throw new IllegalStateException("remote.openai was created without settings");
        return endpoint;
    }

    @Override
    public String name() {
        return endpoint().name();
    }

    @Override
    public void connect() {
        endpoint().connect();
    }

    @Override
    public void submit(Request request, RemoteTokenListener listener) {
        endpoint().submit(request, listener);
    }

    @Override
    public int inFlight() {
        return endpoint().inFlight();
    }

    @Override
    public void close() {
        if (endpoint != null) endpoint.close();
    }

    /** The endpoint node's settings. */
        public record Settings(
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
        public Settings() {
            this("", "", ServeLabStreamDialect.ID, "completions", "", "", 256, 5_000, 60_000, 600_000, 4, 200);
        }

        /** The endpoint configuration, the device looked up in {@code registry} when one is named. */
        public EndpointConfig endpoint(DeviceRegistry registry, String nodePath) throws java.io.IOException {
            EndpointConfig base;
            if (device != null && !device.isBlank()) {
                base = registry.find(device).orElseThrow(() -> new IllegalArgumentException(nodePath + ".device: no device called '"
                        + device + "' in " + registry.home() + " (add it with 'servelab device add URL --name " + device + "')"))
                        .endpoint();
            } else {
                if (url == null || url.isBlank()) throw new IllegalArgumentException(nodePath + ".url: give 'device' or 'url'");
                base = new EndpointConfig(nodePath, uri(nodePath), model, api(nodePath), dialect(nodePath), null,
                        Timeouts.defaults(), RetryPolicy.defaults(), null);
                if (apiKeyEnv != null && !apiKeyEnv.isBlank()) base = base.withApiKey(ApiKey.fromEnv(apiKeyEnv));
            }
            if (model != null && !model.isBlank()) base = base.withModel(model);
            return base.withTimeouts(new Timeouts(Duration.ofMillis(connectTimeoutMs), Duration.ofMillis(headersTimeoutMs),
                    Duration.ofMillis(streamTimeoutMs))).withRetry(new RetryPolicy(maxAttempts, backoffMs, 2.0,
                    Math.max(backoffMs, 10_000)));
        }

        private URI uri(String nodePath) {
            try {
                URI u = URI.create(url);
                if (u.getScheme() == null || u.getHost() == null) throw new IllegalArgumentException("expected http(s)://host:port");
                return u;
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(nodePath + ".url: '" + url + "' is not a URL (" + e.getMessage() + ")");
            }
        }

        private EndpointApi api(String nodePath) {
            try {
                return EndpointApi.valueOf(api.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(nodePath + ".api: unknown api '" + api + "' (known: completions, chat)");
            }
        }

        private StreamDialect dialect(String nodePath) {
            try {
                return StreamDialect.byId(dialect);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(nodePath + ".dialect: " + e.getMessage());
            }
        }

        /** The live endpoint for one replica of the pool; prompts salted with the run's seed. */
        public OpenAiRemoteEndpoint open(DeviceRegistry registry, String nodePath, long seed) throws java.io.IOException {
            return new OpenAiRemoteEndpoint(endpoint(registry, nodePath), new TracePromptBuilder(seed), maxConcurrent);
        }
    }
}
