package dev.servelab.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.experiments.sweep.PointPlan;
import dev.servelab.experiments.sweep.PointPlanner;
import dev.servelab.experiments.sweep.PointTrees;
import dev.servelab.experiments.sweep.SweepReader;
import dev.servelab.experiments.sweep.SweepSpec;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code sample-traces/experiments/fp8-concurrency.yaml} plans what docs/experiments.md reports: Llama-3.1-70B with
 * FP8 weights and KV on H200 TP2 and B200 TP1, concurrency 4..128 at three ISL/OSL pairs, 10 x N requests.
 */
class Fp8ConcurrencySweepTest {
    private static final Path FILE = Path.of("").toAbsolutePath().getParent().resolve("sample-traces/experiments/fp8-concurrency.yaml");

    @Test
    void everyPointIsFp8WithTenRequestsPerClient() {
        SweepSpec sweep = SweepReader.read(FILE, PluginRegistry.load());
        List<PointPlan> points = PointPlanner.plan(sweep);
        assertEquals(36, points.size());
        Set<String> configs = new TreeSet<>();
        for (PointPlan p : points) {
            ObjectNode tree = PointTrees.apply(sweep.baseTree(), p.assignments());
            JsonNode pool = tree.get("pools").get(0);
            JsonNode w = tree.get("workload");
            assertEquals("llama-3.1-70b", pool.get("model").asText());
            assertEquals("fp8", pool.get("executor").get("weight_dtype").asText());
            assertEquals("fp8", pool.get("executor").get("kv_dtype").asText());
            int c = w.get("concurrency").asInt();
            assertEquals(10 * c, w.get("requests").asInt());
            assertEquals(c, w.get("warmup_requests").asInt());
            configs.add(pool.get("hardware").asText() + "/tp" + pool.get("tensor_parallel").asInt() + " "
                    + w.get("input").get("mean").asInt() + "/" + w.get("output").get("mean").asInt() + " c" + c);
        }
        assertEquals(36, configs.size(), configs.toString());
        assertEquals(Set.of("b200/tp1", "h200/tp2"), Set.copyOf(configs.stream().map(s -> s.substring(0, s.indexOf(' '))).toList()));
    }
}
