package dev.servelab.hw.remote;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A streaming client for one OpenAI-compatible endpoint ({@code /v1/completions} or
 * {@code /v1/chat/completions} with {@code stream: true}), built on {@link HttpClient} (HTTP/1.1,
 * HTTPS with the JVM's trust store). {@link #stream} blocks its caller until the response ends and
 * is safe to call from many threads at once: the endpoint batches concurrent requests itself.
 * HTTP 429/503 answers are retried per the {@link RetryPolicy}; every other failure ends the request
 * as {@link StreamOutcome#FAILED} with the tokens it had received. The API key goes only into the
 * {@code Authorization} header and is scrubbed from every message.
 */
public final class OpenAiStreamClient implements AutoCloseable {
    private final EndpointConfig config;
    private final HttpClient http;
    private final ScheduledExecutorService watchdog;

    public OpenAiStreamClient(EndpointConfig config) {
        this.config = config;
        HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.timeouts().connect());
        if (config.caCertificate() != null) b.sslContext(TrustedCertificates.sslContext(config.caCertificate()));
        this.http = b.build();
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "servelab-stream-watchdog-" + config.name());
            t.setDaemon(true);
            return t;
        });
    }

    public EndpointConfig config() {
        return config;
    }

    public StreamRecord stream(RemoteCall call) {
        return stream(call, TokenObserver.NONE);
    }

    /** Sends {@code call} (retrying 429/503) and reads its stream; never throws for network or server faults. */
    public StreamRecord stream(RemoteCall call, TokenObserver observer) {
        HttpRequest request = authorized(HttpRequest.newBuilder(config.resolve(config.api().path())))
                .timeout(config.timeouts().responseHeaders())
                .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(StreamRequestBody.json(config, call))).build();
        long sent = System.nanoTime();
        long deadline = sent + config.timeouts().wholeStream().toNanos();
        RetryPolicy retry = config.retry();
        for (int attempt = 1; ; attempt++) {
            HttpResponse<InputStream> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (HttpTimeoutException e) {
                return failed(call, sent, attempt, "no response from " + config.label() + " within "
                        + config.timeouts().responseHeaders().toMillis() + " ms");
            } catch (ConnectException e) {
                return failed(call, sent, attempt, "cannot connect to " + config.label() + ": " + message(e));
            } catch (IOException e) {
                return failed(call, sent, attempt, "request to " + config.label() + " failed: " + message(e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return failed(call, sent, attempt, "interrupted");
            }
            int status = response.statusCode();
            if (status == 200) {
                return new StreamReading(config, watchdog).read(call, response.body(), sent, deadline, attempt, observer);
            }
            String body = head(response.body());
            long wait = retry.backoffMs(attempt, retryAfter(response));
            boolean again = RetryPolicy.isRetryable(status) && attempt < retry.maxAttempts()
                    && System.nanoTime() + wait * 1_000_000 < deadline;
            if (!again) {
                return failed(call, sent, attempt, "HTTP " + status + " from " + config.label() + ": " + body);
            }
            if (!sleep(wait)) {
                return failed(call, sent, attempt, "interrupted");
            }
        }
    }

    HttpRequest.Builder authorized(HttpRequest.Builder b) {
        return config.apiKey() == null ? b : b.header("Authorization", config.apiKey().bearerHeader());
    }

    HttpClient http() {
        return http;
    }

    private StreamRecord failed(RemoteCall call, long sent, int attempts, String error) {
        String safe = config.apiKey() == null ? error : config.apiKey().redact(error);
        return new StreamRecord(call.requestId(), StreamOutcome.FAILED, sent, new long[0], "", null, null, null,
                attempts, safe);
    }

    static String message(Exception e) {
        if (e.getMessage() != null) return e.getMessage();
        return e instanceof ConnectException ? "connection refused or no route to host" : e.getClass().getSimpleName();
    }

    private static long retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(v -> {
            try {
                return Long.parseLong(v.strip());
            } catch (NumberFormatException e) {
                return -1L;
            }
        }).orElse(-1L);
    }

    private static String head(InputStream body) {
        try (body) {
            byte[] b = body.readNBytes(300);
            return new String(b, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "(no body)";
        }
    }

    private static boolean sleep(long ms) {
        try {
            Thread.sleep(ms);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Cancels every request in progress at once: open streams break (their records are FAILED with the tokens read). */
    public void abort() {
        http.shutdownNow();
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        http.close();
    }
}
