package dev.servelab.plugins.rollout;

import dev.servelab.engine.model.ClusterEvent;
import dev.servelab.engine.model.ClusterEventKind;
import dev.servelab.engine.run.RunOutcome;
import dev.servelab.engine.store.RequestTable;
import dev.servelab.engine.store.StoreReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** route.canary through the real engine: stages, gate per stage, rollback, stored events. */
class CanaryRouterTest {
    /** 2 + 2 replicas; the canary pool's iteration time is {@code canaryBaseMs}; 20 req/s for 40 s. */
    private static String pipeline(double canaryBaseMs) {
        return """
                seed: 3
                workload: {type: workload.poisson, rate_per_s: 20, requests: 800,
                           input: {dist: lognormal, mean: 200, cv: 0.5, min: 2, max: 1000},
                           output: {dist: lognormal, mean: 20, cv: 0.5, min: 2, max: 100}}
                router:
                  type: route.canary
                  stages: [10, 50, 100]
                  stage_s: 10
                  min_requests: 15
                  gate: {p99_ttft_ms: {max_worse_pct: 50, max_worse_ms: 20}}
                pools:
                  - {name: baseline, replicas: 2, kv_cache: {capacity_blocks: 4000},
                     executor: {type: exec.test-linear, base_ms: 10, per_token_ms: 0.01}}
                  - {name: canary, replicas: 2, kv_cache: {capacity_blocks: 4000},
                     executor: {type: exec.test-linear, base_ms: %s, per_token_ms: 0.01}}
                """.formatted(canaryBaseMs);
    }

    @Test
    void anEquallyGoodCandidatePassesEveryStageAndTakesAllTraffic(@TempDir Path dir) {
        RunOutcome out = RolloutRuns.run(pipeline(10), dir.resolve("runs.db"));
        try (StoreReader reader = StoreReader.open(dir.resolve("runs.db"))) {
            List<ClusterEvent> events = reader.events(out.runId());
            assertEquals(List.of(ClusterEventKind.ROLLOUT_STAGE, ClusterEventKind.ROLLOUT_STAGE, ClusterEventKind.ROLLOUT_STAGE,
                    ClusterEventKind.ROLLOUT_COMPLETED), events.stream().map(ClusterEvent::kind).toList(), events.toString());
            assertEquals("stage 1/3: 10 % to pool canary", events.get(0).detail());
            assertEquals(0, events.get(0).atNanos() / 1_000_000_000L);
            assertTrue(events.get(1).atNanos() >= 10_000_000_000L, events.toString());
            long completedAt = events.get(3).atNanos();
            RequestTable rows = reader.requests(out.runId());
            for (int i = 0; i < rows.size(); i++) {
                if (rows.arrival()[i] > completedAt) assertTrue(rows.replica()[i] >= 2, "after completion all go to the canary pool");
            }
        }
    }

    @Test
    void aSlowerCandidateIsRolledBackAndAllTrafficReturnsToTheBaselinePool(@TempDir Path dir) {
        RunOutcome out = RolloutRuns.run(pipeline(40), dir.resolve("runs.db"));
        try (StoreReader reader = StoreReader.open(dir.resolve("runs.db"))) {
            List<ClusterEvent> events = reader.events(out.runId());
            assertEquals(List.of(ClusterEventKind.ROLLOUT_STAGE, ClusterEventKind.ROLLOUT_ROLLED_BACK),
                    events.stream().map(ClusterEvent::kind).toList(), events.toString());
            String why = events.get(1).detail();
            assertTrue(why.startsWith("stage 1/3 (10 %, ") && why.contains("p99_ttft_ms: worse by more than 50 % and 20 ms")
                    && why.endsWith("all traffic to pool baseline"), why);
            long rolledBackAt = events.get(1).atNanos();
            RequestTable rows = reader.requests(out.runId());
            int canaryBefore = 0;
            for (int i = 0; i < rows.size(); i++) {
                if (rows.arrival()[i] > rolledBackAt) assertTrue(rows.replica()[i] < 2, "after rollback all go to the baseline pool");
                else if (rows.replica()[i] >= 2) canaryBefore++;
            }
            assertTrue(canaryBefore >= 15, "the canary served its stage: " + canaryBefore);
        }
    }

    @Test
    void aGateOnAMetricTheCanaryCannotMeasureIsBadInput(@TempDir Path dir) {
        var e = org.junit.jupiter.api.Assertions.assertThrows(dev.servelab.engine.ServeLabException.class,
                () -> RolloutRuns.run(pipeline(10).replace("p99_ttft_ms:", "request_goodput:"), dir.resolve("runs.db")));
        assertTrue(e.getMessage().contains("router.gate: request_goodput: unknown metric"), e.getMessage());
    }
}
