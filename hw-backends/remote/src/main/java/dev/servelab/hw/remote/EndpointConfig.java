package dev.servelab.hw.remote;

import java.net.URI;
import java.nio.file.Path;

/**
 * One OpenAI-compatible endpoint: a name for messages, its base URL (scheme, host, port; the
 * {@code /v1/...} paths are appended), the model to ask for, which route and dialect, an optional
 * API key (never printed), timeouts, the 429/503 retry policy, and for HTTPS endpoints with a
 * private CA or a self-signed certificate the certificate file to trust (null: the JVM's trust store).
 */
public record EndpointConfig(String name, URI baseUri, String model, EndpointApi api, StreamDialect dialect,
                             ApiKey apiKey, Timeouts timeouts, RetryPolicy retry, Path caCertificate) {
    public EndpointConfig {
        String scheme = baseUri.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("device " + name + ": URL " + baseUri + " must start with http:// or https://");
        }
        if (baseUri.getHost() == null) {
            throw new IllegalArgumentException("device " + name + ": URL " + baseUri + " has no host");
        }
    }

    /** Defaults: completions route, default timeouts and retries, no key. */
    public static EndpointConfig of(String name, URI baseUri, String model, StreamDialect dialect) {
        return new EndpointConfig(name, baseUri, model, EndpointApi.COMPLETIONS, dialect, null, Timeouts.defaults(),
                RetryPolicy.defaults(), null);
    }

    public EndpointConfig withApi(EndpointApi a) {
        return new EndpointConfig(name, baseUri, model, a, dialect, apiKey, timeouts, retry, caCertificate);
    }

    public EndpointConfig withModel(String m) {
        return new EndpointConfig(name, baseUri, m, api, dialect, apiKey, timeouts, retry, caCertificate);
    }

    public EndpointConfig withApiKey(ApiKey k) {
        return new EndpointConfig(name, baseUri, model, api, dialect, k, timeouts, retry, caCertificate);
    }

    public EndpointConfig withTimeouts(Timeouts t) {
        return new EndpointConfig(name, baseUri, model, api, dialect, apiKey, t, retry, caCertificate);
    }

    public EndpointConfig withRetry(RetryPolicy r) {
        return new EndpointConfig(name, baseUri, model, api, dialect, apiKey, timeouts, r, caCertificate);
    }

    /** Trust only the X.509 certificate(s) in {@code pemOrDer} for HTTPS (a private CA or a self-signed agent). */
    public EndpointConfig withCaCertificate(Path pemOrDer) {
        return new EndpointConfig(name, baseUri, model, api, dialect, apiKey, timeouts, retry, pemOrDer);
    }

    /** {@code base + path}, without a doubled {@code /v1} when the base URL already ends in it. */
    public URI resolve(String path) {
        String base = baseUri.toString().replaceAll("/+$", "");
        if (base.endsWith("/v1") && path.startsWith("/v1/")) {
            base = base.substring(0, base.length() - 3);
        }
        return URI.create(base + path);
    }

    /** {@code name (url)} for messages. */
    public String label() {
        return name + " (" + baseUri + ")";
    }
}
