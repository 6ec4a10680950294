package dev.servelab.plugins.rollout;

import dev.servelab.engine.run.RunOutcome;
import dev.servelab.engine.spi.Router;
import dev.servelab.engine.store.IterationTable;
import dev.servelab.engine.store.RequestTable;
import dev.servelab.engine.store.StoreReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** route.shadow through the real engine: copies stored, not counted in user metrics, their capacity counted. */
class ShadowRouterTest {
    private static final String PIPELINE = """
            seed: 5
            workload: {type: workload.poisson, rate_per_s: 20, requests: 300,
                       input: {dist: lognormal, mean: 200, cv: 0.5, min: 2, max: 1000},
                       output: {dist: lognormal, mean: 20, cv: 0.5, min: 2, max: 100}}
            router: {type: route.shadow, primary_pool: baseline, shadow_pool: shadow, mirror_pct: %s}
            pools:
              - {name: baseline, replicas: 2, kv_cache: {capacity_blocks: 4000},
                 executor: {type: exec.test-linear, base_ms: 10, per_token_ms: 0.01}}
              - {name: shadow, replicas: 1, kv_cache: {capacity_blocks: 4000},
                 executor: {type: exec.test-linear, base_ms: 40, per_token_ms: 0.01}}
            """;

    @Test
    void mirroredCopiesAreStoredButUserMetricsAreThePrimaryPoolsAlone(@TempDir Path dir) {
        RunOutcome mirrored = RolloutRuns.run(PIPELINE.formatted(100), dir.resolve("a.db"));
        RunOutcome alone = RolloutRuns.run(PIPELINE.formatted(0), dir.resolve("b.db"));
        assertEquals(300, mirrored.metrics().completed());
        assertEquals(alone.metrics().ttft(), mirrored.metrics().ttft(), "the shadow pool's slow copies are not the users' TTFT");
        assertEquals(alone.metrics().e2el(), mirrored.metrics().e2el());
        assertEquals(alone.metrics().itl(), mirrored.metrics().itl());
        assertEquals(alone.metrics().totalOutputTokens(), mirrored.metrics().totalOutputTokens());
        assertTrue(mirrored.metrics().iterations() > alone.metrics().iterations(), "the shadow pool's capacity is counted");
        try (StoreReader reader = StoreReader.open(dir.resolve("a.db"))) {
            RequestTable rows = reader.requests(mirrored.runId());
            assertEquals(600, rows.size());
            int copies = 0;
            for (int i = 0; i < rows.size(); i++) {
                boolean copy = rows.id()[i] >= Router.SHADOW_ID_OFFSET;
                assertEquals(copy, rows.replica()[i] == 2, "copies run on the shadow pool only");
                if (copy) {
                    copies++;
                    assertTrue(rows.completed(i));
                }
            }
            assertEquals(300, copies);
            List<IterationTable> its = reader.iterations(mirrored.runId());
            assertTrue(its.get(2).size() > 0, "the shadow replica's iterations are stored");
        }
    }

    @Test
    void aShadowPoolThePipelineLacksIsBadInput(@TempDir Path dir) {
        var e = org.junit.jupiter.api.Assertions.assertThrows(dev.servelab.engine.ServeLabException.class,
                () -> RolloutRuns.run(PIPELINE.formatted(100).replace("shadow_pool: shadow", "shadow_pool: dark"), dir.resolve("c.db")));
        assertTrue(e.getMessage().contains("router: no pool named 'dark' for shadow traffic"), e.getMessage());
    }
}
