package dev.servelab.hw.remote;

import java.net.URI;
import java.time.Duration;

/**
 * A registered device: its name, base URL, dialect, route, model (empty: the first the device
 * lists), the name of the environment variable holding its API key (never the key itself), and
 * optionally a certificate file to trust for HTTPS.
 */
public record DeviceEntry(String name, String url, String dialect, String api, String model, String apiKeyEnv,
                          String caCert) {
    public DeviceEntry {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw new IllegalArgumentException("device name '" + name + "' must be letters, digits, '.', '_' or '-' (at most 64)");
        }
        StreamDialect.byId(dialect);
        EndpointApi.valueOf(api);
    }

    /** The endpoint to talk to, with the key read from {@link #apiKeyEnv()} if one is named. */
    public EndpointConfig endpoint() {
        EndpointConfig c = new EndpointConfig(name, URI.create(url), model == null ? "" : model, EndpointApi.valueOf(api),
                StreamDialect.byId(dialect), null, Timeouts.defaults(), RetryPolicy.defaults(),
                caCert == null || caCert.isBlank() ? null : java.nio.file.Path.of(caCert));
        return apiKeyEnv == null || apiKeyEnv.isBlank() ? c : c.withApiKey(ApiKey.fromEnv(apiKeyEnv));
    }

    public EndpointConfig endpoint(Duration streamLimit) {
        EndpointConfig c = endpoint();
        return c.withTimeouts(new Timeouts(c.timeouts().connect(), c.timeouts().responseHeaders(), streamLimit));
    }
}
