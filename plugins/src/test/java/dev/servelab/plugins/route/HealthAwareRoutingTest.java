package dev.servelab.plugins.route;

import dev.servelab.engine.model.ClusterEvent;
import dev.servelab.engine.model.ClusterEventKind;
import dev.servelab.engine.plugin.PluginDescriptor;
import dev.servelab.engine.plugin.PluginKind;
import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.testkit.PipelineResult;
import dev.servelab.testkit.PipelineScenario;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every built-in router, unchanged, is kept off a crashed replica by the cluster (decision 0007): no
 * request that arrives while replica 0 is down is served there, and with {@code retry:} none fails.
 * Also the shipped crash example: its retries account for exactly the requests the crash dropped.
 */
class HealthAwareRoutingTest {
    private static final long S = 1_000_000_000L;
    private static final String PIPELINE = """
            seed: 3
            workload: {type: workload.poisson, rate_per_s: 20, requests: 200,
                       input: {dist: uniform, min: 32, max: 512}, output: {dist: uniform, min: 8, max: 64}}
            router: {type: %s %s}
            pools:
              - {name: edge-a, replicas: 2, kv_cache: {capacity_blocks: 4000}, executor: {type: exec.test-linear, base_ms: 10}}
              - {name: cloud, replicas: 2, kv_cache: {capacity_blocks: 4000}, executor: {type: exec.test-linear, base_ms: 10}}
            retry: {max_attempts: 3}
            faults: [{kind: crash, pool: edge-a, replica: 0, at_s: 2, restart_s: 3}]
            """;

    @Test
    void noBuiltInRouterSendsRequestsToACrashedReplica() {
        List<PluginDescriptor> routers = PluginRegistry.load().ofKind(PluginKind.ROUTER);
        assertTrue(routers.size() >= 10, routers.toString());
        for (PluginDescriptor router : routers) {
            String settings = switch (router.id()) {
                case "route.disaggregated" -> ", prefill_pool: edge-a, decode_pool: cloud";
                case "route.canary" -> ", baseline_pool: edge-a, candidate_pool: cloud";
                case "route.shadow" -> ", primary_pool: edge-a, shadow_pool: cloud";
                default -> "";
            };
            PipelineResult r = PipelineScenario.yaml(PIPELINE.formatted(router.id(), settings)).workload(200).run();
            assertEquals(200, r.count("completed"), router.id());
            assertEquals(0, r.count("failed"), router.id());
            for (PipelineResult.Row row : r.rows().values()) {
                boolean whileDown = row.arrivalNs() > 2 * S && row.arrivalNs() < 5 * S;
                assertTrue(!whileDown || row.replica() != 0, router.id() + " served on the crashed replica: " + row);
            }
        }
    }

    /** The example as shipped, but timed by the test executor (the roofline model lives in hw-backends/perf). */
    private static PipelineScenario testLinear(PipelineScenario s) {
        return s.set("pools[0].executor=exec.test-linear").set("pools[0].kv_cache.capacity_blocks=20000");
    }

    @Test
    void theShippedCrashExampleRetriesExactlyWhatTheCrashDropped() {
        Path file = Path.of("../sample-traces/safety/replica-crash-retry.yaml");
        PipelineResult retried = testLinear(PipelineScenario.file(file)).workload(0).run();
        ClusterEvent crash = retried.events().stream().filter(e -> e.kind() == ClusterEventKind.REPLICA_CRASHED).findFirst().orElseThrow();
        long dropped = Long.parseLong(crash.detail().replaceAll(".*dropped (\\d+) requests.*", "$1"));
        assertTrue(dropped > 0, crash.detail());
        assertEquals(dropped, retried.count("requests_retried"));
        assertEquals(dropped, retried.events().stream().filter(e -> e.kind() == ClusterEventKind.REQUEST_RETRIED).count());
        assertEquals(0, retried.count("failed"));
        assertEquals(retried.rows().size(), retried.count("completed"));
        assertTrue(retried.count("kv_lost_blocks") > 0 && retried.count("kv_lost_tokens") > 0);
        PipelineResult plain = testLinear(PipelineScenario.file(file)).set("retry.max_attempts=1").workload(0).run();
        assertEquals(dropped, plain.count("failed"));
        assertEquals(0, plain.count("requests_retried"));
        assertEquals(retried.count("kv_lost_blocks"), plain.count("kv_lost_blocks"), "the crash is the same either way");
    }
}
