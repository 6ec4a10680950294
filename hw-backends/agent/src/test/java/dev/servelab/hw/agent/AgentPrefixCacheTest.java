package dev.servelab.hw.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.servelab.engine.model.Request;
import dev.servelab.hw.remote.EndpointConfig;
import dev.servelab.hw.remote.OpenAiStreamClient;
import dev.servelab.hw.remote.RemoteCall;
import dev.servelab.hw.remote.ServeLabStreamDialect;
import dev.servelab.hw.remote.StreamOutcome;
import dev.servelab.hw.remote.StreamRecord;
import dev.servelab.hw.remote.TracePromptBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests whose trace prefix hashes match share prompt text (TracePromptBuilder), and the agent's
 * prefix cache then reuses their KV blocks; the generated tokens are the same as without the cache.
 */
class AgentPrefixCacheTest {
    @TempDir
    Path dir;

    @Test
    void sharedTracePrefixHitsTheCacheAndChangesNoToken() throws Exception {
        Path model = TinyAgentFixture.tinyModel(dir);
        TracePromptBuilder prompts = new TracePromptBuilder();
        RemoteCall first = prompts.call(new Request(1, 0, 40, 12, new long[] {7, 8}, 16, null, null, null));
        RemoteCall second = prompts.call(new Request(2, 0, 40, 12, new long[] {7, 8}, 16, null, null, null));
        String withCache;
        long hits;
        try (EdgeAgentServer agent = EdgeAgentServer.start(AgentConfig.loopback(model));
             OpenAiStreamClient client = client(agent)) {
            assertEquals(StreamOutcome.COMPLETED, client.stream(first).outcome());
            StreamRecord r = client.stream(second);
            assertEquals(StreamOutcome.COMPLETED, r.outcome(), r.toString());
            withCache = r.text();
            hits = counter(agent, "servelab_agent_prefix_cache_hit_tokens_total");
        }
        assertTrue(hits >= 32, "prefix hit tokens " + hits);
        try (EdgeAgentServer agent = EdgeAgentServer.start(AgentConfig.loopback(model).withPrefixCaching(false));
             OpenAiStreamClient client = client(agent)) {
            StreamRecord r = client.stream(second);
            assertEquals(withCache, r.text());
            assertEquals(0, counter(agent, "servelab_agent_prefix_cache_hit_tokens_total"));
        }
    }

    private static OpenAiStreamClient client(EdgeAgentServer agent) {
        return new OpenAiStreamClient(EndpointConfig.of("agent", agent.baseUri(), "tiny", new ServeLabStreamDialect()));
    }

    private static long counter(EdgeAgentServer agent, String name) throws Exception {
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(agent.baseUri() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return body.lines().filter(l -> l.startsWith(name + " ")).mapToLong(l -> Long.parseLong(l.split(" ")[1])).findFirst()
                .orElseThrow();
    }
}
