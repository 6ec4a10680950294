package dev.servelab.plugins.workload;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.model.Request;
import dev.servelab.engine.pipeline.NodeSpec;
import dev.servelab.engine.workload.WorkloadFactory;
import dev.servelab.plugins.SharedData;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Time window, replay, rate scaling and limit on a real trace, through a pipeline's trace node. */
class TraceTransformsTest {
    /** Resolved per test, so a clone without ../shared skips the test instead of failing the class. */
    private static Path conv() {
        return SharedData.path("traces/azure-llm-2023/AzureLLMInferenceTrace_conv.csv");
    }

    private static List<Request> open(String json) throws IOException {
        ObjectNode s = (ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        s.put("file", conv().toAbsolutePath().toString());
        return SharedData.readAll(WorkloadFactory.open(GeneratorAssert.REGISTRY, new NodeSpec("workload", "trace.azure-2023", s), 1, 0, null));
    }

    @Test
    void timeWindowKeepsAndRebasesOneStretch() throws IOException {
        List<Request> all = open("{}");
        List<Request> w = open("{\"window_start_s\": 600, \"window_end_s\": 1200}");
        List<Request> expected = all.stream().filter(r -> r.arrivalNanos() >= 600e9 && r.arrivalNanos() < 1200e9).toList();
        assertEquals(expected.size(), w.size());
        assertEquals(expected.getFirst().arrivalNanos() - 600_000_000_000L, w.getFirst().arrivalNanos());
        assertEquals(expected.getFirst().id(), w.getFirst().id());
    }

    @Test
    void replayPlaysTheTraceAgainWithShiftedIds() throws IOException {
        List<Request> r = open("{\"replay\": 3, \"rate_scale\": 2}");
        assertEquals(3 * 19_366, r.size());
        assertEquals(19_366, r.get(19_366).id());
        assertEquals(2 * 19_366 + 5, r.get(2 * 19_366 + 5).id());
        for (int i = 1; i < r.size(); i++) assertTrue(r.get(i).arrivalNanos() >= r.get(i - 1).arrivalNanos());
        assertEquals(r.get(5).promptTokens(), r.get(19_366 + 5).promptTokens());
        double spanS = r.getLast().arrivalNanos() / 1e9;
        assertEquals(3 * 3501.7 / 2, spanS, 2.0, "three passes at twice the rate");
    }

    @Test
    void limitAndBadValues() throws IOException {
        assertEquals(100, open("{\"limit\": 100, \"replay\": 2}").size());
        ServeLabException e = assertThrows(ServeLabException.class, () -> open("{\"window_start_s\": 50, \"window_end_s\": 10}"));
        assertTrue(e.getMessage().startsWith("workload: window_end_s"), e.getMessage());
        e = assertThrows(ServeLabException.class, () -> open("{\"replay\": \"twice\"}"));
        assertEquals("workload.replay: expected a number, found \"twice\"", e.getMessage());
    }
}
