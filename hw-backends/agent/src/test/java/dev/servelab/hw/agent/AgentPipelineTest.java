package dev.servelab.hw.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servelab.hw.jvm.GreedyDecoder;
import dev.servelab.hw.jvm.JvmLlamaExecutor;
import dev.servelab.hw.jvm.kv.KvBlockAllocator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code servelab agent --pipeline}: the agent serves a pipeline pool through the engine's replica,
 * so a scheduler plugin from the test sources (as a third party would write one) batches real HTTP
 * requests, the replica's prefix cache serves shared prompt prefixes, and a bad pool is one line, exit 2.
 */
class AgentPipelineTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path pipeline(boolean prefixCaching) throws Exception {
        TinyAgentFixture.tinyModel(dir);
        Path file = dir.resolve("edge.yaml");
        Files.writeString(file, """
                name: edge-test
                pools:
                  - name: far
                    kind: remote
                    endpoint: {type: remote.openai, url: "http://127.0.0.1:9"}
                  - name: edge
                    max_num_seqs: 4
                    max_num_batched_tokens: 256
                    scheduler: {type: batch.test-counting, log_file: "%s"}
                    kv_cache: {block_size: 16, prefix_caching: %s, eviction: kv.lru}
                    executor: {type: exec.jvm, model_file: tiny.gguf, kv_budget_mib: 8, warmup_rounds: 0, warmup_ms: 0}
                """.formatted(dir.resolve("scheduled.txt").toString().replace("\\", "/"), prefixCaching));
        return file;
    }

    @Test
    void testSourceSchedulerBatchesConcurrentHttpRequestsAndTheModelWritesTheText() throws Exception {
        List<String> prompts = List.of("the quick brown fox", "a small model on a small device",
                "serving is scheduling", "one engine, one implementation of each idea");
        List<JsonNode> answers = new ArrayList<>();
        try (EdgeAgentServer agent = EdgeAgentServer.start(AgentConfig.loopback(pipeline(true), null))) {
            HttpClient http = HttpClient.newHttpClient();
            List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
            for (String p : prompts) calls.add(http.sendAsync(completion(agent, p, 8), HttpResponse.BodyHandlers.ofString()));
            for (CompletableFuture<HttpResponse<String>> c : calls) {
                HttpResponse<String> r = c.join();
                assertEquals(200, r.statusCode(), r.body());
                answers.add(JSON.readTree(r.body()));
            }
            assertTrue(agent.describe().contains("batch.test-counting"), agent.describe());
        }
        Set<String> scheduled = new HashSet<>(Files.readAllLines(dir.resolve("scheduled.txt")));
        List<String> expected = reference(dir.resolve("tiny.gguf"), prompts, 8);
        for (int i = 0; i < prompts.size(); i++) {
            JsonNode a = answers.get(i);
            assertEquals(8, a.path("usage").path("completion_tokens").asInt(), a.toString());
            assertTrue(scheduled.contains(a.path("id").asText().substring("cmpl-".length())),
                    a.path("id") + " not scheduled by the plugin: " + scheduled);
            assertEquals(expected.get(i), a.path("choices").get(0).path("text").asText(), "prompt " + i);
        }
        assertEquals(prompts.size(), scheduled.size());
    }

    @Test
    void secondRequestSharingALongPrefixIsServedFromTheReplicasPrefixCache() throws Exception {
        String prefix = "In a distant valley the engineers built a small serving engine that batched requests. ".repeat(3);
        JsonNode first;
        JsonNode second;
        try (EdgeAgentServer agent = EdgeAgentServer.start(AgentConfig.loopback(pipeline(true), "edge"))) {
            first = call(agent, prefix + "First question?");
            second = call(agent, prefix + "Second one, longer?");
        }
        int promptTokens = second.path("usage").path("prompt_tokens").asInt();
        int cached = second.path("usage").path("prompt_tokens_details").path("cached_tokens").asInt();
        assertEquals(0, first.path("usage").path("prompt_tokens_details").path("cached_tokens").asInt(), first.toString());
        assertTrue(promptTokens > 48 && cached >= 48 && cached % 16 == 0 && cached < promptTokens, second.toString());
        try (EdgeAgentServer agent = EdgeAgentServer.start(AgentConfig.loopback(pipeline(false), "edge"))) {
            call(agent, prefix + "First question?");
            JsonNode again = call(agent, prefix + "Second one, longer?");
            assertEquals(0, again.path("usage").path("prompt_tokens_details").path("cached_tokens").asInt(), again.toString());
            assertEquals(second.path("choices").get(0).path("text").asText(), again.path("choices").get(0).path("text").asText());
        }
    }

    @Test
    void unknownOrRemotePoolIsOneLineAndExitTwo() throws Exception {
        Path file = pipeline(true);
        assertOneLineExit2(List.of("--pipeline", file.toString(), "--pool", "nowhere"), "no pool named 'nowhere'");
        assertOneLineExit2(List.of("--pipeline", file.toString(), "--pool", "far"), "pools[0]: pool 'far' is a remote pool");
    }

    private static void assertOneLineExit2(List<String> args, String expected) {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = new CommandLine(new AgentCommand()).execute(args.toArray(String[]::new));
        } finally {
            System.setErr(saved);
        }
        String text = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, code, text);
        assertEquals(1, text.lines().count(), text);
        assertTrue(text.startsWith("agent: ") && text.contains(expected), text);
    }

    private static HttpRequest completion(EdgeAgentServer agent, String prompt, int maxTokens) {
        String body = JSON.createObjectNode().put("model", agent.modelId()).put("prompt", prompt).put("max_tokens", maxTokens)
                .put("ignore_eos", true).toString();
        return HttpRequest.newBuilder(URI.create(agent.baseUri() + "/v1/completions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static JsonNode call(EdgeAgentServer agent, String prompt) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(completion(agent, prompt, 4), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    /** The model's own greedy continuation of each prompt (BOS + tokens), one sequence at a time, as text. */
    private static List<String> reference(Path model, List<String> prompts, int tokens) throws Exception {
        try (JvmLlamaExecutor exec = JvmLlamaExecutor.open(model, 16, 8L << 20)) {
            GreedyDecoder decoder = new GreedyDecoder(exec, new KvBlockAllocator(exec.kvCapacity().blockCount()));
            List<String> out = new ArrayList<>();
            for (String p : prompts) {
                int[] text = exec.tokenizer().encode(p);
                int[] prompt = new int[text.length + 1];
                prompt[0] = exec.tokenizer().bosToken();
                System.arraycopy(text, 0, prompt, 1, text.length);
                StringBuilder sb = new StringBuilder();
                for (int t : decoder.generate(new int[][] {prompt}, tokens)[0]) sb.append(exec.tokenizer().decode(new int[] {t}));
                out.add(sb.toString());
            }
            return out;
        }
    }
}
