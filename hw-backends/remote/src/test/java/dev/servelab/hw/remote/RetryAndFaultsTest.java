package dev.servelab.hw.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Retries on 429/503, broken and stalled streams, timeouts, unreachable devices, key redaction. */
class RetryAndFaultsTest {
    private static final RemoteCall CALL = new RemoteCall(1, "hello there", 3);

    private static EndpointConfig config(URI uri, RetryPolicy retry) {
        return EndpointConfig.of("scripted", uri, "m", new VllmStreamDialect()).withRetry(retry)
                .withTimeouts(Timeouts.ofMillis(2_000, 2_000, 3_000));
    }

    @Test
    void retries429Then503ThenStreams() throws Exception {
        try (ScriptedSseServer s = new ScriptedSseServer(List.of(ScriptedSseServer.status(429, null),
                ScriptedSseServer.status(503, "0"), ScriptedSseServer.stream(3, true)));
             OpenAiStreamClient client = new OpenAiStreamClient(config(s.uri(), new RetryPolicy(3, 10, 2, 100)))) {
            StreamRecord r = client.stream(CALL);
            assertEquals(StreamOutcome.COMPLETED, r.outcome(), r.toString());
            assertEquals(3, r.attempts());
            assertEquals(3, r.tokens());
            assertEquals(" t0 t1 t2", r.text());
        }
    }

    @Test
    void givesUpAfterMaxAttemptsNamingTheStatus() throws Exception {
        try (ScriptedSseServer s = new ScriptedSseServer(List.of(ScriptedSseServer.status(503, null)));
             OpenAiStreamClient client = new OpenAiStreamClient(config(s.uri(), new RetryPolicy(2, 5, 2, 50)))) {
            StreamRecord r = client.stream(CALL);
            assertTrue(r.failed() && r.error().startsWith("HTTP 503 from scripted"), r.toString());
            assertEquals(2, r.attempts());
            assertEquals(2, s.calls());
        }
        assertEquals(50, new RetryPolicy(5, 10, 2, 50).backoffMs(4, -1));
        assertEquals(20, new RetryPolicy(5, 10, 2, 50).backoffMs(2, -1));
        assertEquals(50, new RetryPolicy(5, 10, 2, 50).backoffMs(1, 30));
    }

    @Test
    void streamThatDropsKeepsItsTokensAndFails() throws Exception {
        try (ScriptedSseServer s = new ScriptedSseServer(List.of(ScriptedSseServer.stream(4, false)));
             OpenAiStreamClient client = new OpenAiStreamClient(config(s.uri(), RetryPolicy.defaults()))) {
            StreamRecord r = client.stream(new RemoteCall(2, "x", 10));
            assertTrue(r.failed(), r.toString());
            assertEquals(4, r.tokens());
            assertTrue(r.error().contains("after 4 tokens"), r.error());
            assertEquals(1, r.attempts());
        }
    }

    @Test
    void headersTimeoutDoesNotCutALongStream() throws Exception {
        ScriptedSseServer.Step slow = ex -> {
            ex.sendResponseHeaders(200, 0);
            for (int i = 0; i < 4; i++) {
                String reason = i == 3 ? "\"length\"" : "null";
                ScriptedSseServer.send(ex.getResponseBody(), "{\"choices\":[{\"index\":0,\"text\":\"w\",\"finish_reason\":" + reason + "}]}");
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            ScriptedSseServer.send(ex.getResponseBody(), "[DONE]");
        };
        try (ScriptedSseServer s = new ScriptedSseServer(List.of(slow));
             OpenAiStreamClient client = new OpenAiStreamClient(config(s.uri(), RetryPolicy.none())
                     .withTimeouts(Timeouts.ofMillis(2_000, 400, 10_000)))) {
            StreamRecord r = client.stream(new RemoteCall(3, "x", 4));
            assertEquals(StreamOutcome.COMPLETED, r.outcome(), r.toString());
            assertEquals(4, r.tokens());
            assertTrue(r.tpotNanos() / 1e6 > 200, "gaps " + r.tpotNanos() / 1e6);
        }
    }

    @Test
    void stalledStreamHitsTheWholeStreamTimeout() throws Exception {
        ScriptedSseServer.Step stall = ex -> {
            ex.sendResponseHeaders(200, 0);
            ScriptedSseServer.send(ex.getResponseBody(), "{\"choices\":[{\"index\":0,\"text\":\"a\",\"finish_reason\":null}]}");
            try {
                Thread.sleep(8_000);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        };
        try (ScriptedSseServer s = new ScriptedSseServer(List.of(stall));
             OpenAiStreamClient client = new OpenAiStreamClient(config(s.uri(), RetryPolicy.none())
                     .withTimeouts(Timeouts.ofMillis(2_000, 2_000, 1_500)))) {
            long t0 = System.nanoTime();
            StreamRecord r = client.stream(CALL);
            assertTrue((System.nanoTime() - t0) / 1e6 < 5_000);
            assertTrue(r.failed() && r.error().contains("1500 ms limit") && r.tokens() == 1, r.toString());
        }
    }

    @Test
    void unreachableDeviceIsOneMessageNamingIt() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        EndpointConfig c = config(URI.create("http://127.0.0.1:" + port), RetryPolicy.defaults()).withModel("m");
        try (OpenAiStreamClient client = new OpenAiStreamClient(c)) {
            DeviceUnreachableException e = assertThrows(DeviceUnreachableException.class, () -> new EndpointCheck(client).models());
            assertTrue(e.getMessage().startsWith("device scripted (http://127.0.0.1:" + port + ") is unreachable"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
            StreamRecord r = client.stream(CALL);
            assertTrue(r.failed() && r.error().startsWith("cannot connect to scripted"), r.toString());
        }
    }

    @Test
    void apiKeyGoesInTheHeaderAndNowhereElse() throws Exception {
        ScriptedSseServer.Step echo = ex -> {
            byte[] b = ("bad key " + ex.getRequestHeaders().getFirst("Authorization")).getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(400, b.length);
            ex.getResponseBody().write(b);
        };
        ApiKey key = ApiKey.of("sk-live-1234567890", "api_key");
        try (ScriptedSseServer s = new ScriptedSseServer(List.of(echo));
             OpenAiStreamClient client = new OpenAiStreamClient(config(s.uri(), RetryPolicy.none()).withApiKey(key))) {
            StreamRecord r = client.stream(CALL);
            assertEquals(List.of("Bearer sk-live-1234567890"), s.authorizations);
            assertTrue(r.error().contains("Bearer ***") && !r.error().contains("sk-live"), r.error());
            assertFalse(client.config().toString().contains("sk-live"));
            assertFalse(key.toString().contains("sk-live"));
        }
    }
}
