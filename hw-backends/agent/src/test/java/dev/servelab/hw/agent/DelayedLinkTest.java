package dev.servelab.hw.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.servelab.engine.model.Request;
import dev.servelab.hw.remote.EndpointConfig;
import dev.servelab.hw.remote.OpenAiStreamClient;
import dev.servelab.hw.remote.ServeLabStreamDialect;
import dev.servelab.hw.remote.StreamOutcome;
import dev.servelab.hw.remote.StreamRecord;
import dev.servelab.hw.remote.TracePromptBuilder;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 50 ms of server-to-client delay (a relay in the test, so no root and any kernel) adds about
 * 50 ms to the client-side TTFT and nothing to TPOT: tokens keep their spacing, shifted.
 */
class DelayedLinkTest {
    @TempDir
    Path dir;

    @Test
    void fiftyMillisecondsOfDelayShowInTtftNotInTpot() throws Exception {
        try (EdgeAgentServer agent = EdgeAgentServer.start(AgentConfig.loopback(TinyAgentFixture.tinyModel(dir))
                .withIterationFloorMillis(5));
             DelayingRelay relay = new DelayingRelay(new InetSocketAddress("127.0.0.1", agent.port()), 50);
             OpenAiStreamClient direct = new OpenAiStreamClient(EndpointConfig.of("direct", agent.baseUri(), "tiny",
                     new ServeLabStreamDialect()));
             OpenAiStreamClient delayed = new OpenAiStreamClient(EndpointConfig.of("delayed",
                     URI.create("http://127.0.0.1:" + relay.port()), "tiny", new ServeLabStreamDialect()))) {
            measure(direct, 4, 0);
            measure(delayed, 2, 100);
            double[][] near = measure(direct, 9, 200);
            double[][] far = measure(delayed, 9, 300);
            double ttftNear = median(near[0]);
            double ttftFar = median(far[0]);
            System.out.printf("TTFT median %.2f ms direct, %.2f ms through 50 ms delay (+%.2f); TPOT %.3f vs %.3f ms%n",
                    ttftNear, ttftFar, ttftFar - ttftNear, median(near[1]), median(far[1]));
            assertTrue(ttftFar - ttftNear > 40 && ttftFar - ttftNear < 150, ttftNear + " -> " + ttftFar);
            assertTrue(Math.abs(median(far[1]) - median(near[1])) < 10, median(near[1]) + " -> " + median(far[1]));
        }
    }

    private static double[][] measure(OpenAiStreamClient client, int n, long firstId) {
        double[][] out = new double[2][n];
        for (int i = 0; i < n; i++) {
            StreamRecord r = client.stream(new TracePromptBuilder().call(Request.of(firstId + i, 0, 8, 6)));
            assertEquals(StreamOutcome.COMPLETED, r.outcome(), r.toString());
            out[0][i] = r.ttftNanos() / 1e6;
            out[1][i] = r.tpotNanos() / 1e6;
        }
        return out;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
