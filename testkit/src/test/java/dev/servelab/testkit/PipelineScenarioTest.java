package dev.servelab.testkit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.servelab.engine.model.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PipelineScenarioTest {
    private static final long MS = 1_000_000;
    static final String PIPELINE = """
            name: kit
            admission: {type: admission.test-prompt-cap, max_prompt: 500}
            router: route.test-least-waiting
            pools:
              - name: gpu
                replicas: 2
                scheduler: batch.test-fcfs
                kv_cache: {block_size: 16, capacity_blocks: 100, eviction: kv.test-lru}
                executor: {type: exec.test-linear, base_ms: 10, per_token_ms: 0}
            """;

    @TempDir
    Path dir;

    @Test
    void aYamlPipelineRunsToCompletionWithItsRejectionsExplained() {
        PipelineResult r = PipelineScenario.yaml(PIPELINE)
                .requests(Request.of(0, 0, 100, 3), Request.of(1, 0, 900, 3), Request.of(2, 0, 50, 2))
                .run();
        assertEquals(2, r.count("completed"));
        assertEquals(1, r.count("rejected"));
        assertEquals("prompt of 900 tokens over the cap of 500", r.row(1).reason());
        assertEquals(0, r.row(0).replica());
        assertEquals(1, r.row(2).replica(), "replica 0 has a waiting request when request 2 arrives");
        assertEquals(10.0, r.row(0).ttftMs(), 1e-9);
        assertEquals(30.0, r.row(0).e2elMs(), 1e-9);
        assertEquals(5, r.count("total_output_tokens"));
        assertEquals(2, r.finalKvUsedBlocks().size(), "both replicas ran iterations");
    }

    @Test
    void overridesAndATreeBuiltInCodeWork() {
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        tree.put("router", "route.test-least-waiting");
        tree.putObject("admission").put("type", "admission.test-prompt-cap");
        ObjectNode pool = tree.putArray("pools").addObject();
        pool.put("scheduler", "batch.test-fcfs");
        pool.putObject("kv_cache").put("capacity_blocks", 50).put("eviction", "kv.test-lru");
        pool.putObject("executor").put("type", "exec.test-linear").put("base_ms", 1);
        PipelineResult r = PipelineScenario.tree(tree).set("pools[0].replicas=3")
                .requests(Request.of(0, 0, 10, 1), Request.of(1, 0, 10, 1), Request.of(2, 0, 10, 1))
                .run();
        assertEquals(3, r.finalKvUsedBlocks().size(), "three replicas from the override");
        assertEquals(3, r.count("completed"));
    }

    @Test
    void theStoreCanBeKept() {
        PipelineScenario.yaml(PIPELINE).storeIn(dir).requests(Request.of(0, 0, 10, 1)).run();
        assertTrue(Files.exists(dir.resolve("runs.db")));
    }
}
