package dev.servelab.hw.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent accepts the request shapes OpenAI clients send (prompt lists, token ids, chat content
 * parts, a lower-case {@code bearer} scheme), refuses what it cannot serve before doing work for it
 * (a prompt longer than any that fits the context, by bytes, before tokenizing; a body over the cap,
 * before reading; a {@code max_tokens} that would wrap), and says why in an OpenAI error object.
 */
class AgentConventionsTest {
    static final String TOKEN = "s3cret-token";
    @TempDir
    static Path dir;
    static EdgeAgentServer agent;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        agent = EdgeAgentServer.start(AgentConfig.loopback(TinyAgentFixture.tinyModel(dir)).withBind("127.0.0.1", 0, TOKEN));
    }

    @AfterAll
    static void stop() {
        agent.close();
    }

    private static HttpResponse<String> post(String path, String auth, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(agent.baseUri() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (auth != null) b.header("Authorization", auth);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> completion(String body) throws Exception {
        return post("/v1/completions", "Bearer " + TOKEN, body);
    }

    @Test
    void theBearerSchemeIsCaseInsensitiveTheTokenIsNot() throws Exception {
        String body = "{\"prompt\": \"hello\", \"max_tokens\": 2}";
        assertEquals(200, post("/v1/completions", "bearer " + TOKEN, body).statusCode());
        assertEquals(200, post("/v1/completions", "BEARER  " + TOKEN, body).statusCode());
        assertEquals(401, post("/v1/completions", "bearer " + TOKEN.toUpperCase(), body).statusCode());
        assertEquals(401, post("/v1/completions", "Basic " + TOKEN, body).statusCode());
        assertEquals(401, post("/v1/completions", null, body).statusCode());
    }

    @Test
    void promptListsAndTokenIdsAsOpenAiClientsSendThem() throws Exception {
        HttpResponse<String> list = completion("{\"prompt\": [\"hello there\"], \"max_tokens\": 3}");
        assertEquals(200, list.statusCode(), list.body());
        assertTrue(list.body().contains("\"completion_tokens\":3"), list.body());
        HttpResponse<String> ids = completion("{\"prompt\": [5, 6, 7, 8], \"max_tokens\": 2}");
        assertEquals(200, ids.statusCode(), ids.body());
        HttpResponse<String> two = completion("{\"prompt\": [\"a\", \"b\"], \"max_tokens\": 2}");
        assertEquals(400, two.statusCode());
        assertTrue(two.body().contains("one per request"), two.body());
        HttpResponse<String> outside = completion("{\"prompt\": [5, 999999], \"max_tokens\": 2}");
        assertEquals(400, outside.statusCode());
        assertTrue(outside.body().contains("token ids"), outside.body());
    }

    @Test
    void chatContentParts() throws Exception {
        HttpResponse<String> parts = post("/v1/chat/completions", "Bearer " + TOKEN,
                "{\"messages\": [{\"role\": \"user\", \"content\": [{\"type\": \"text\", \"text\": \"hi \"},"
                        + " {\"type\": \"text\", \"text\": \"there\"}]}], \"max_tokens\": 2}");
        assertEquals(200, parts.statusCode(), parts.body());
        assertTrue(parts.body().contains("\"chat.completion\""), parts.body());
        HttpResponse<String> image = post("/v1/chat/completions", "Bearer " + TOKEN,
                "{\"messages\": [{\"role\": \"user\", \"content\": [{\"type\": \"image_url\", \"image_url\": {\"url\": \"x\"}}]}]}");
        assertEquals(400, image.statusCode());
        assertTrue(image.body().contains("messages[0].content") && image.body().contains("image_url"), image.body());
    }

    @Test
    void maxTokensThatWouldWrapIsRefused() throws Exception {
        HttpResponse<String> wrap = completion("{\"prompt\": \"hello\", \"max_tokens\": 4294967299}");
        assertEquals(400, wrap.statusCode());
        assertTrue(wrap.body().contains("max_tokens") && wrap.body().contains("4294967299"), wrap.body());
        HttpResponse<String> fraction = completion("{\"prompt\": \"hello\", \"max_tokens\": 2.5}");
        assertEquals(400, fraction.statusCode());
        assertTrue(fraction.body().contains("integer"), fraction.body());
    }

    @Test
    void aPromptLongerThanAnyThatFitsIsRefusedByBytesBeforeTokenizing() throws Exception {
        // the tiny model's context is 512 tokens; no token of its vocabulary covers more than a few bytes
        String prompt = "x".repeat(20_000);
        HttpResponse<String> r = completion("{\"prompt\": \"" + prompt + "\", \"max_tokens\": 2}");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("prompt is 20000 bytes") && r.body().contains("context of 512 tokens"), r.body());
    }

    @Test
    void aBodyOverTheCapIsRefusedWithoutKeepingItAndTheClientReadsThe413() throws Exception {
        String big = "{\"prompt\": \"hi\", \"pad\": \"" + "y".repeat(2_000_000) + "\"}";
        HttpResponse<String> r = completion(big);
        assertEquals(413, r.statusCode());
        assertTrue(r.body().contains("request body over"), r.body());
    }

    @Test
    void aPortInUseIsOneLineAndExitTwo() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            java.io.PrintStream saved = System.err;
            java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
            System.setErr(new java.io.PrintStream(captured, true));
            int exit;
            try {
                exit = new picocli.CommandLine(new AgentCommand()).execute("--model", dir.resolve("tiny.gguf").toString(),
                        "--port", String.valueOf(taken.getLocalPort()));
            } finally {
                System.setErr(saved);
            }
            String err = captured.toString().strip();
            assertEquals(2, exit, err);
            assertTrue(err.startsWith("agent: cannot bind 127.0.0.1:" + taken.getLocalPort()) && !err.contains("\n"), err);
        }
    }
}
