package dev.servelab.engine.workload;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.pipeline.NodeSpec;
import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.engine.plugin.SettingProblem;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A trace workload node's problems, found without opening anything, in the order opening it meets them. */
class WorkloadProblemsTest {
    private final PluginRegistry registry = PluginRegistry.load();

    @Test
    void badTransformMissingFileAndUnknownReaderAreAllListedTheFirstAsOpenFails() throws Exception {
        ObjectNode settings = (ObjectNode) new ObjectMapper().readTree("{\"replay\": \"twice\", \"rate_scale\": 2}");
        NodeSpec node = new NodeSpec("workload", "trace.not-installed", settings);
        List<SettingProblem> problems = WorkloadFactory.problems(registry, node);
        assertEquals(List.of("workload.replay", "workload.file", "workload.type"), problems.stream().map(SettingProblem::path).toList());
        assertEquals("expected a number, found \"twice\"", problems.getFirst().reason());
        ServeLabException e = assertThrows(ServeLabException.class, () -> WorkloadFactory.open(registry, node, 1, 0, null));
        assertEquals(problems.getFirst().message(), e.getMessage());
    }
}
