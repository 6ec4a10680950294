package dev.servelab.hw.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servelab.engine.model.Request;
import dev.servelab.hw.remote.ApiKey;
import dev.servelab.hw.remote.DeviceUnreachableException;
import dev.servelab.hw.remote.EndpointApi;
import dev.servelab.hw.remote.EndpointCheck;
import dev.servelab.hw.remote.EndpointConfig;
import dev.servelab.hw.remote.OpenAiStreamClient;
import dev.servelab.hw.remote.ServeLabStreamDialect;
import dev.servelab.hw.remote.StreamOutcome;
import dev.servelab.hw.remote.StreamRecord;
import dev.servelab.hw.remote.TracePromptBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The streaming client against a real edge agent on loopback, serving the generated tiny GGUF model. */
class AgentLoopbackStreamTest {
    @TempDir
    static Path dir;
    static EdgeAgentServer agent;
    static Path model;

    @BeforeAll
    static void start() throws Exception {
        model = TinyAgentFixture.tinyModel(dir);
        agent = EdgeAgentServer.start(AgentConfig.loopback(model));
    }

    @AfterAll
    static void stop() {
        agent.close();
    }

    private static EndpointConfig endpoint() {
        return EndpointConfig.of("tiny-agent", agent.baseUri(), agent.modelId(), new ServeLabStreamDialect());
    }

    @Test
    void concurrentCompletionsStreamExactlyTheTraceOutputLength() throws Exception {
        TracePromptBuilder prompts = new TracePromptBuilder();
        try (OpenAiStreamClient client = new OpenAiStreamClient(endpoint());
             ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<StreamRecord>> futures = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Request r = Request.of(i, 0, 20 + 10 * i, 12 + i);
                futures.add(pool.submit(() -> client.stream(prompts.call(r))));
            }
            for (int i = 0; i < 4; i++) {
                StreamRecord rec = futures.get(i).get();
                assertEquals(StreamOutcome.COMPLETED, rec.outcome(), rec.toString());
                assertEquals(12 + i, rec.usage().completionTokens());
                // the client counts chunks with text; a token that is half of a UTF-8 character has none
                assertTrue(rec.tokens() >= 12 + i - 2 && rec.tokens() <= 12 + i, rec.toString());
                assertEquals("length", rec.finishReason());
                assertTrue(rec.ttftNanos() > 0);
                for (int t = 1; t < rec.tokens(); t++) {
                    assertTrue(rec.tokenNanos()[t] >= rec.tokenNanos()[t - 1]);
                }
            }
        }
    }

    @Test
    void chatStreamSkipsTheRoleChunk() {
        try (OpenAiStreamClient client = new OpenAiStreamClient(endpoint().withApi(EndpointApi.CHAT))) {
            StreamRecord rec = client.stream(new TracePromptBuilder().call(Request.of(7, 0, 16, 8)));
            assertEquals(StreamOutcome.COMPLETED, rec.outcome(), rec.toString());
            assertEquals(8, rec.tokens());
        }
    }

    @Test
    void requestLongerThanTheContextIsRefusedWith400() {
        try (OpenAiStreamClient client = new OpenAiStreamClient(endpoint())) {
            StreamRecord rec = client.stream(new TracePromptBuilder().call(Request.of(9, 0, 8, 600)));
            assertTrue(rec.failed() && rec.error().startsWith("HTTP 400") && rec.error().contains("context of 512 tokens"),
                    rec.toString());
        }
    }

    @Test
    void deviceAndMetricsEndpointsDescribeTheAgent() throws Exception {
        try (OpenAiStreamClient client = new OpenAiStreamClient(endpoint())) {
            assertEquals(List.of("tiny"), new EndpointCheck(client).models());
            assertTrue(new EndpointCheck(client).roundTripNanos(3) > 0);
        }
        HttpClient http = HttpClient.newHttpClient();
        String device = http.send(HttpRequest.newBuilder(URI.create(agent.baseUri() + "/device")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        JsonNode d = new ObjectMapper().readTree(device);
        assertEquals(16, d.path("kv").path("block_size_tokens").asInt());
        assertTrue(d.path("kv").path("blocks_total").asInt() > 0);
        assertTrue(d.path("queue").has("waiting"));
        assertTrue(d.path("hardware").path("cpus").asInt() >= 1);
        String metrics = http.send(HttpRequest.newBuilder(URI.create(agent.baseUri() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(metrics.contains("# TYPE servelab_agent_generation_tokens_total counter"), metrics);
        assertTrue(metrics.contains("servelab_agent_kv_blocks "), metrics);
        assertFalse(metrics.contains("servelab_agent_kv_blocks_total"), "a gauge has no _total suffix");
    }

    @Test
    void tokenIsCheckedOnEveryRouteAndPublicBindNeedsOne() throws Exception {
        try (EdgeAgentServer guarded = EdgeAgentServer.start(AgentConfig.loopback(model).withBind("127.0.0.1", 0, "s3cret-token"))) {
            EndpointConfig noKey = EndpointConfig.of("guarded", guarded.baseUri(), guarded.modelId(), new ServeLabStreamDialect());
            try (OpenAiStreamClient client = new OpenAiStreamClient(noKey)) {
                DeviceUnreachableException e = assertThrows(DeviceUnreachableException.class, () -> new EndpointCheck(client).models());
                assertTrue(e.getMessage().contains("guarded") && e.getMessage().contains("401"), e.getMessage());
                StreamRecord refused = client.stream(new TracePromptBuilder().call(Request.of(1, 0, 8, 4)));
                assertTrue(refused.failed() && refused.error().contains("HTTP 401"), refused.toString());
            }
            try (OpenAiStreamClient client = new OpenAiStreamClient(noKey.withApiKey(ApiKey.of("s3cret-token", "test")))) {
                assertEquals(StreamOutcome.COMPLETED, client.stream(new TracePromptBuilder().call(Request.of(2, 0, 8, 4))).outcome());
                assertTrue(!client.config().toString().contains("s3cret"), client.config().toString());
            }
            int metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(guarded.baseUri() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            assertEquals(401, metrics);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EdgeAgentServer.start(AgentConfig.loopback(model).withBind("0.0.0.0", 0, null)));
        assertTrue(e.getMessage().contains("--token"), e.getMessage());
    }
}
