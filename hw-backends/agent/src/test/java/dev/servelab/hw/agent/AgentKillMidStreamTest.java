package dev.servelab.hw.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.servelab.engine.model.Request;
import dev.servelab.hw.remote.EndpointConfig;
import dev.servelab.hw.remote.OpenAiRemoteEndpoint;
import dev.servelab.engine.spi.RemoteEnd;
import dev.servelab.engine.spi.RemoteTokenListener;
import dev.servelab.hw.remote.ServeLabStreamDialect;
import dev.servelab.hw.remote.StreamRecord;
import dev.servelab.hw.remote.TracePromptBuilder;
import dev.servelab.hw.remote.TraceReplay;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the agent while three requests stream and two more are still to arrive: the streaming
 * ones are recorded as failed with the tokens they received, the later ones fail to connect, and
 * the replay goes on to the end.
 */
class AgentKillMidStreamTest {
    @TempDir
    Path dir;

    @Test
    void killedAgentLeavesFailedRequestsWithTheirPartialTokens() throws Exception {
        EdgeAgentServer agent = EdgeAgentServer.start(AgentConfig.loopback(TinyAgentFixture.tinyModel(dir))
                .withIterationFloorMillis(20));
        EndpointConfig config = EndpointConfig.of("doomed-agent", agent.baseUri(), agent.modelId(), new ServeLabStreamDialect());
        List<Request> trace = List.of(Request.of(0, 0, 16, 300), Request.of(1, 0, 24, 300), Request.of(2, 0, 32, 300),
                Request.of(3, 1_500_000_000L, 16, 10), Request.of(4, 1_600_000_000L, 16, 10));
        CountDownLatch fiveTokens = new CountDownLatch(1);
        try (OpenAiRemoteEndpoint endpoint = new OpenAiRemoteEndpoint(config, new TracePromptBuilder(), 8)) {
            endpoint.connect();
            Thread killer = Thread.ofVirtual().start(() -> {
                try {
                    if (fiveTokens.await(20, TimeUnit.SECONDS)) agent.kill();
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            });
            List<StreamRecord> records = TraceReplay.run(trace, new CountingEndpoint(endpoint, fiveTokens), 1.0,
                    Duration.ofSeconds(30));
            killer.join();
            for (int i = 0; i < 3; i++) {
                StreamRecord r = records.get(i);
                assertTrue(r.failed(), r.toString());
                assertTrue(r.tokens() >= 1 && r.tokens() < 300, r.toString());
                assertTrue(r.error().contains("doomed-agent"), r.error());
            }
            assertTrue(records.get(0).tokens() >= 5, records.get(0).toString());
            for (int i = 3; i < 5; i++) {
                StreamRecord r = records.get(i);
                assertTrue(r.failed() && r.tokens() == 0, r.toString());
                assertTrue(r.error().startsWith("cannot connect to doomed-agent")
                        || r.error().startsWith("request to doomed-agent"), r.error());
            }
            assertEquals(5, records.size());
        } finally {
            agent.kill();
        }
    }

    /** Passes requests through, counting down the latch when request 0 has five tokens. */
    private record CountingEndpoint(OpenAiRemoteEndpoint inner, CountDownLatch fiveTokens)
            implements dev.servelab.engine.spi.RemoteEndpoint {
        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public void connect() {
            inner.connect();
        }

        @Override
        public void submit(Request request, RemoteTokenListener listener) {
            inner.submit(request, new RemoteTokenListener() {
                @Override
                public void onToken(long requestId, int index, long arrivalNanos) {
                    if (requestId == 0 && index == 4) fiveTokens.countDown();
                    listener.onToken(requestId, index, arrivalNanos);
                }

                @Override
                public void onEnd(RemoteEnd end) {
                    listener.onEnd(end);
                }
            });
        }

        @Override
        public int inFlight() {
            return inner.inFlight();
        }

        @Override
        public void close() {
        }
    }
}
