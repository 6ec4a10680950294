package dev.servelab.hw.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /metrics} as Prometheus itself reads it: {@code promtool check metrics} finds no problem,
 * and a real Prometheus server scraping the agent on loopback stores vLLM's series
 * ({@code vllm:num_requests_running}, the token counters, the TTFT histogram) with the values the
 * agent served. Needs Debian's {@code prometheus} package ({@code promtool} and {@code prometheus}
 * on PATH); skipped with that reason otherwise.
 */
class AgentPrometheusTest {
    @TempDir
    static Path dir;
    static EdgeAgentServer agent;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        agent = EdgeAgentServer.start(AgentConfig.loopback(TinyAgentFixture.tinyModel(dir)));
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(agent.baseUri() + "/v1/completions"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\": \"hello " + i + "\", \"max_tokens\": 4}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
        }
    }

    @AfterAll
    static void stop() {
        agent.close();
    }

    private static String metrics() throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(agent.baseUri() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(d, tool))) return true;
        }
        return false;
    }

    @Test
    void exposesVllmsNamesAndHistograms() throws Exception {
        String m = metrics();
        for (String name : new String[] {"vllm:num_requests_running{", "vllm:num_requests_waiting{", "vllm:gpu_cache_usage_perc{",
            "vllm:prompt_tokens_total{", "vllm:generation_tokens_total{", "vllm:time_to_first_token_seconds_bucket{",
            "vllm:time_per_output_token_seconds_bucket{", "vllm:e2e_request_latency_seconds_count{"}) {
            assertTrue(m.contains(name), name + " in:\n" + m);
        }
        assertTrue(m.contains("vllm:generation_tokens_total{model_name=\"tiny\"} 12"), m);
        assertTrue(m.contains("vllm:time_to_first_token_seconds_count{model_name=\"tiny\"} 3"), m);
        assertTrue(m.contains("vllm:time_per_output_token_seconds_count{model_name=\"tiny\"} 9"), "3 gaps per 4-token answer:\n" + m);
        assertTrue(m.contains("vllm:e2e_request_latency_seconds_bucket{model_name=\"tiny\",le=\"+Inf\"} 3"), m);
    }

    /**
     * promtool's lint finds nothing in ServeLab's own series. vLLM's names contain ':' (Prometheus
     * reserves colons for recording rules), which promtool reports for vLLM's own endpoint as well;
     * those names are the contract dashboards rely on, so that finding, and only it, is expected.
     */
    @Test
    void promtoolFindsNoProblem() throws Exception {
        assumeTrue(onPath("promtool"), "promtool is not on PATH (apt-get install prometheus)");
        String all = metrics();
        StringBuilder own = new StringBuilder();
        for (String line : all.split("\n")) {
            String name = line.startsWith("# ") ? line.split(" ")[2] : line;
            if (name.startsWith("servelab_agent_")) own.append(line).append('\n');
        }
        Promtool servelab = promtool(own.toString());
        assertEquals(0, servelab.exit(), servelab.out());
        assertEquals("", servelab.out().strip(), servelab.out());
        Promtool full = promtool(all);
        for (String finding : full.out().strip().split("\n")) {
            assertTrue(finding.matches("vllm:[a-z0-9_]+ metric names should not contain ':'"), "unexpected: " + finding + "\n" + full.out());
        }
    }

    private record Promtool(int exit, String out) {
    }

    private static Promtool promtool(String text) throws Exception {
        Process p = new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
        p.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return new Promtool(p.exitValue(), out);
    }

    @Test
    void aRealPrometheusScrapesTheAgent() throws Exception {
        assumeTrue(onPath("prometheus"), "prometheus is not on PATH (apt-get install prometheus)");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, "global: {scrape_interval: 1s}\nscrape_configs:\n  - job_name: agent\n"
                + "    static_configs: [{targets: ['" + agent.baseUri().getHost() + ":" + agent.port() + "']}]\n");
        Process prom = new ProcessBuilder("prometheus", "--config.file=" + config, "--storage.tsdb.path=" + dir.resolve("tsdb"),
                "--web.listen-address=127.0.0.1:" + port).redirectErrorStream(true)
                .redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        try {
            JsonNode tokens = query(port, "vllm:generation_tokens_total", 60);
            assertEquals("tiny", tokens.path("metric").path("model_name").asText(), tokens.toString());
            assertEquals(12, tokens.path("value").get(1).asDouble(), 1e-9, tokens.toString());
            JsonNode ttft = query(port, "vllm:time_to_first_token_seconds_count", 10);
            assertEquals(3, ttft.path("value").get(1).asDouble(), 1e-9, ttft.toString());
            JsonNode up = query(port, "up{job=\"agent\"}", 10);
            assertEquals(1, up.path("value").get(1).asDouble(), 1e-9, up.toString());
        } finally {
            prom.destroy();
            if (!prom.waitFor(20, TimeUnit.SECONDS)) prom.destroyForcibly();
        }
    }

    /** The first series of an instant query, waiting (up to {@code seconds}) for Prometheus to have scraped it. */
    private static JsonNode query(int port, String promql, int seconds) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + port + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        String last = "";
        for (int i = 0; i < seconds * 4; i++) {
            try {
                last = HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
                JsonNode result = JSON.readTree(last).path("data").path("result");
                if (result.isArray() && !result.isEmpty()) return result.get(0);
            } catch (java.io.IOException notUpYet) {
                last = notUpYet.toString();
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Prometheus has no " + promql + " after " + seconds + " s: " + last);
    }
}
