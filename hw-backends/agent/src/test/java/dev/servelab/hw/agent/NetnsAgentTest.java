package dev.servelab.hw.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.servelab.engine.model.Request;
import dev.servelab.hw.remote.ApiKey;
import dev.servelab.hw.remote.EndpointCheck;
import dev.servelab.hw.remote.EndpointConfig;
import dev.servelab.hw.remote.OpenAiStreamClient;
import dev.servelab.hw.remote.ServeLabStreamDialect;
import dev.servelab.hw.remote.StreamOutcome;
import dev.servelab.hw.remote.StreamRecord;
import dev.servelab.hw.remote.TracePromptBuilder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent in its own network namespace, started with {@code ip netns exec} as a separate JVM
 * bound to the veth address with a token, reached from the host over the veth pair: a real network
 * hop. Then {@code tc netem delay 50ms} on the namespace's side (server to client) must add about
 * 50 ms to TTFT and nothing to the inter-token gaps, and with jitter and 2 % loss every request
 * still completes (TCP retransmits). Needs root and iproute2; the delay parts also
 * needs a kernel with {@code sch_netem}. Skips with the reason otherwise.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NetnsAgentTest {
    private static final String TOKEN = "netns-test-token";
    @TempDir
    static Path dir;
    static NetnsLink link;
    static Process agent;
    static OpenAiStreamClient client;
    static final StringBuilder agentOutput = new StringBuilder();

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(NetnsLink.available(),
                "netns test skipped: needs root and iproute2 ('ip netns'); run as root with iproute2 installed");
        try {
            link = NetnsLink.create();
        } catch (IOException e) {
            Assumptions.abort("netns test skipped: cannot create a namespace and veth pair here: " + e.getMessage());
        }
        Path model = TinyAgentFixture.tinyModel(dir);
        List<String> cmd = link.insideCommand(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), "dev.servelab.engine.cli.Main", "agent",
                "--model", model.toString(), "--bind", link.nsAddress, "--port", "18088", "--token-env", "SL_AGENT_TOKEN");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("SL_AGENT_TOKEN", TOKEN);
        agent = pb.start();
        CompletableFuture<String> ready = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(agent.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (agentOutput) {
                        agentOutput.append(line).append('\n');
                    }
                    if (line.startsWith("servelab agent on")) ready.complete(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
            ready.complete(null);
        });
        String line = ready.get(90, TimeUnit.SECONDS);
        assertTrue(line != null, "agent did not start in the namespace:\n" + agentOutput);
        client = new OpenAiStreamClient(EndpointConfig.of("netns-agent", URI.create("http://" + link.nsAddress + ":18088"),
                "tiny", new ServeLabStreamDialect()).withApiKey(ApiKey.of(TOKEN, "test")));
    }

    @AfterAll
    static void stop() throws Exception {
        if (client != null) client.close();
        if (agent != null) {
            agent.destroy();
            if (!agent.waitFor(10, TimeUnit.SECONDS)) agent.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        if (link != null) link.close();
    }

    @Test
    @Order(1)
    void streamsAcrossTheVethWithTheToken() {
        assertEquals(List.of("tiny"), new EndpointCheck(client).models());
        StreamRecord r = client.stream(new TracePromptBuilder().call(Request.of(1, 0, 16, 12)));
        assertEquals(StreamOutcome.COMPLETED, r.outcome(), r.toString());
        assertEquals(12, r.tokens());
        try (OpenAiStreamClient noKey = new OpenAiStreamClient(EndpointConfig.of("netns-agent",
                URI.create("http://" + link.nsAddress + ":18088"), "tiny", new ServeLabStreamDialect()))) {
            StreamRecord refused = noKey.stream(new TracePromptBuilder().call(Request.of(2, 0, 8, 2)));
            assertTrue(refused.failed() && refused.error().contains("HTTP 401"), refused.toString());
        }
    }

    @Test
    @Order(2)
    void netemDelayAddsFiftyMillisecondsToTtft() throws Exception {
        measure(5, 100);
        double[] before = measure(10, 200);
        System.out.printf("netns TTFT median %.2f ms, TPOT %.3f ms across the veth, no delay%n", median(before, 0),
                median(before, 1));
        try {
            link.inside("tc", "qdisc", "add", "dev", link.nsIf, "root", "netem", "delay", "50ms");
        } catch (IOException e) {
            Assumptions.abort("netem delay part skipped: 'tc qdisc add ... netem' failed here (kernel without sch_netem?): "
                    + e.getMessage());
        }
        double[] after = measure(10, 300);
        double ttftBefore = median(before, 0);
        double ttftAfter = median(after, 0);
        double gapBefore = median(before, 1);
        double gapAfter = median(after, 1);
        System.out.printf("netns TTFT median %.2f ms -> %.2f ms with netem delay 50ms (+%.2f ms); TPOT %.3f -> %.3f ms%n",
                ttftBefore, ttftAfter, ttftAfter - ttftBefore, gapBefore, gapAfter);
        assertTrue(ttftAfter - ttftBefore > 40 && ttftAfter - ttftBefore < 150,
                "TTFT " + ttftBefore + " -> " + ttftAfter + " ms");
        assertTrue(Math.abs(gapAfter - gapBefore) < 20, "TPOT " + gapBefore + " -> " + gapAfter + " ms");
    }

    @Test
    @Order(3)
    void jitterAndLossSlowRequestsButLoseNone() throws Exception {
        try {
            link.inside("tc", "qdisc", "replace", "dev", link.nsIf, "root", "netem", "delay", "50ms", "10ms", "loss", "2%");
        } catch (IOException e) {
            Assumptions.abort("netem jitter/loss part skipped: 'tc qdisc replace ... netem' failed here: " + e.getMessage());
        }
        double[] lossy = measure(10, 400);
        double ttft = median(lossy, 0);
        System.out.printf("netns TTFT median %.2f ms with netem delay 50ms 10ms loss 2%%%n", ttft);
        assertTrue(ttft > 30 && ttft < 1_000, "TTFT " + ttft + " ms");
    }

    /** {@code n} sequential requests on the warm connection: each one's TTFT and TPOT in ms. */
    private static double[] measure(int n, long firstId) {
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            StreamRecord r = client.stream(new TracePromptBuilder().call(Request.of(firstId + i, 0, 8, 6)));
            assertEquals(StreamOutcome.COMPLETED, r.outcome(), r.toString());
            out.add(new double[] {r.ttftNanos() / 1e6, r.tpotNanos() / 1e6});
        }
        double[] flat = new double[2 * n];
        for (int i = 0; i < n; i++) {
            flat[2 * i] = out.get(i)[0];
            flat[2 * i + 1] = out.get(i)[1];
        }
        return flat;
    }

    private static double median(double[] pairs, int column) {
        double[] v = new double[pairs.length / 2];
        for (int i = 0; i < v.length; i++) v[i] = pairs[2 * i + column];
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
