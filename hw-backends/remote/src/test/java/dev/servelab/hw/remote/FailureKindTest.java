package dev.servelab.hw.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.servelab.engine.model.FailureKind;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The failure kind each real failure gets (health tracking and {@code retry:} act on it), from a
 * scripted server on loopback: a closed port, a 500, a 404, a stream that drops.
 */
class FailureKindTest {
    private static final RemoteCall CALL = new RemoteCall(1, "hello there", 3);

    private static StreamRecord call(URI uri) {
        try (OpenAiStreamClient client = new OpenAiStreamClient(EndpointConfig.of("scripted", uri, "m", new VllmStreamDialect())
                .withRetry(RetryPolicy.none()).withTimeouts(Timeouts.ofMillis(2_000, 2_000, 3_000)))) {
            return client.stream(CALL);
        }
    }

    private static StreamRecord scripted(ScriptedSseServer.Step step) throws Exception {
        try (ScriptedSseServer s = new ScriptedSseServer(List.of(step))) {
            return call(s.uri());
        }
    }

    @Test
    void eachFailureHasItsKind() throws Exception {
        int closed;
        try (ServerSocket free = new ServerSocket(0)) {
            closed = free.getLocalPort();
        }
        StreamRecord refused = call(URI.create("http://127.0.0.1:" + closed));
        assertEquals(FailureKind.CONNECT, refused.failure(), refused.toString());
        StreamRecord serverError = scripted(ScriptedSseServer.status(500, null));
        assertEquals(FailureKind.HTTP_5XX, serverError.failure(), serverError.toString());
        StreamRecord notFound = scripted(ScriptedSseServer.status(404, null));
        assertEquals(FailureKind.HTTP_4XX, notFound.failure(), notFound.toString());
        StreamRecord dropped = scripted(ScriptedSseServer.stream(2, false));
        assertEquals(FailureKind.STREAM, dropped.failure(), dropped.toString());
        StreamRecord ok = scripted(ScriptedSseServer.stream(2, true));
        assertTrue(!ok.failed(), ok.toString());
    }
}
