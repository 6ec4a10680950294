package dev.servelab.plugins.route;

import dev.servelab.engine.model.Request;
import dev.servelab.testkit.PipelineResult;
import dev.servelab.testkit.PipelineScenario;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Prefix-aware and weighted-scorer routing on two real replicas with prefix caching. */
class PrefixRoutingTest {
    private static final long MS = 1_000_000;

    static String pipeline(String router) {
        return """
                name: prefix-routing
                seed: 7
                router: %s
                pools:
                  - name: gpu
                    replicas: 2
                    max_num_seqs: 64
                    max_num_batched_tokens: 4096
                    scheduler: batch.continuous
                    kv_cache: {block_size: 16, capacity_blocks: 2000, prefix_caching: true, eviction: kv.lru}
                    executor: {type: exec.test-linear, base_ms: 1, per_token_ms: 0.01}
                """.formatted(router);
    }

    static Request withPrefix(long id, long arrivalNanos, long firstHash, int shared, long tailHash) {
        long[] h = new long[64];
        for (int i = 0; i < 64; i++) h[i] = i < shared ? firstHash + i : tailHash + i;
        return new Request(id, arrivalNanos, 1024, 2, h, 16, null, null, null);
    }

    /** A (prefix P), two fillers with other prefixes, then B sharing 60 of A's 64 blocks. */
    static List<Request> scenario() {
        return List.of(withPrefix(0, 0, 1000, 64, 0), withPrefix(1, MS, 5000, 64, 0),
                withPrefix(2, 2 * MS, 9000, 64, 0), withPrefix(3, 1000 * MS, 1000, 60, 70_000));
    }

    @Test
    void aRequestSharingALongPrefixGoesToTheReplicaHoldingIt() {
        PipelineResult prefix = PipelineScenario.yaml(pipeline("route.prefix-aware")).requests(scenario()).run();
        assertEquals(prefix.rows().get(0L).replica(), prefix.rows().get(3L).replica());
        assertEquals(60 * 16, prefix.rows().get(3L).cachedTokens(), "B hits the 60 shared blocks");

        PipelineResult rr = PipelineScenario.yaml(pipeline("route.round-robin")).requests(scenario()).run();
        assertNotEquals(rr.rows().get(0L).replica(), rr.rows().get(3L).replica());
        assertEquals(0, rr.rows().get(3L).cachedTokens(), "round-robin sends B where nothing is cached");
    }

    @Test
    void weightedScorerFollowsPrefixAffinity() {
        PipelineResult o = PipelineScenario.yaml(pipeline("{type: route.weighted-scorer, staleness_ms: 0}"))
                .requests(scenario()).run();
        assertEquals(o.rows().get(0L).replica(), o.rows().get(3L).replica());
        assertEquals(60 * 16, o.rows().get(3L).cachedTokens());
    }

    @Test
    void theLoadBalanceThresholdOverridesCacheAffinity() {
        List<Request> burst = new ArrayList<>();
        LongStream.range(0, 12).forEach(i -> burst.add(withPrefix(i, 0, 1000, 64, 0)));
        PipelineResult sticky = PipelineScenario.yaml(pipeline("{type: route.prefix-aware, balance_abs_threshold: 1000}"))
                .requests(burst).run();
        assertEquals(1, sticky.rows().values().stream().map(PipelineResult.Row::replica).distinct().count());
        PipelineResult balanced = PipelineScenario.yaml(pipeline("{type: route.prefix-aware, balance_abs_threshold: 2}"))
                .requests(burst).run();
        long onZero = balanced.rows().values().stream().filter(r -> r.replica() == 0).count();
        assertTrue(onZero >= 4 && onZero <= 8, "imbalance beyond 2 requests moves load: " + onZero + " of 12 on replica 0");
        assertEquals(12, balanced.count("completed"));
    }
}
