package dev.servelab.hw.remote;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * The cheap checks made before a run and by the probe: {@code GET /v1/models} answers (else one
 * {@link DeviceUnreachableException} naming the device), which models it serves, and the round-trip
 * time of that request (the best of a few, so connection set-up is not counted).
 * Source: OpenAI API reference, "List models".
 */
public final class EndpointCheck {
    private final OpenAiStreamClient client;

    public EndpointCheck(OpenAiStreamClient client) {
        this.client = client;
    }

    /** Model ids the endpoint lists. */
    public List<String> models() {
        JsonNode root = OpenAiChunks.tree(get().body());
        List<String> ids = new ArrayList<>();
        for (JsonNode m : root.path("data")) {
            ids.add(m.path("id").asText());
        }
        for (JsonNode m : root.path("models")) {
            ids.add(m.path("name").asText(m.path("model").asText()));
        }
        return ids;
    }

    /** The smallest of {@code tries} (at most 20) round-trip times of {@code GET /v1/models}, in nanoseconds. */
    public long roundTripNanos(int tries) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < Math.min(Math.max(1, tries), 20); i++) {
            long t0 = System.nanoTime();
            get();
            best = Math.min(best, System.nanoTime() - t0);
        }
        return best;
    }

    private HttpResponse<String> get() {
        EndpointConfig c = client.config();
        HttpRequest request = client.authorized(HttpRequest.newBuilder(c.resolve("/v1/models")))
                .timeout(c.timeouts().responseHeaders()).GET().build();
        HttpResponse<String> response;
        try {
            response = client.http().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new DeviceUnreachableException("device " + c.label() + " is unreachable: " + OpenAiStreamClient.message(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeviceUnreachableException("device " + c.label() + ": interrupted");
        }
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw new DeviceUnreachableException("device " + c.label() + " refused the API key (HTTP "
                    + response.statusCode() + ")" + (c.apiKey() == null ? "; no key was given" : ""));
        }
        if (response.statusCode() != 200) {
            throw new DeviceUnreachableException("device " + c.label() + " answered HTTP " + response.statusCode()
                    + " to GET /v1/models");
        }
        return response;
    }
}
