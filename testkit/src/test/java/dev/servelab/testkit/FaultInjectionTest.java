package dev.servelab.testkit;

import dev.servelab.engine.model.ClusterEvent;
import dev.servelab.engine.model.ClusterEventKind;
import dev.servelab.engine.model.Request;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pipeline's {@code faults:} and {@code retry:} through the real engine, worked out by hand. Every
 * iteration takes 10 ms ({@code exec.test-linear}, no per-token cost); a request's first iteration
 * prefills its whole prompt and emits its first token, each later one emits one token; the test
 * router picks the replica with the fewest waiting requests, ties to the lower KV usage, then the
 * lower index.
 */
class FaultInjectionTest {
    private static final long MS = 1_000_000;
    private static final String POOL = """
            admission: {type: admission.test-prompt-cap, max_prompt: 100000}
            router: route.test-least-waiting
            metrics: {bucket_ms: 50}
            pools:
              - name: gpu
                replicas: %d
                scheduler: batch.test-fcfs
                kv_cache: {block_size: 16, capacity_blocks: 100, eviction: kv.test-lru}
                executor: {type: exec.test-linear, base_ms: 10, per_token_ms: 0}
            """;

    private static String pipeline(int replicas, String extra) {
        return POOL.formatted(replicas) + extra;
    }

    /**
     * R0 → replica 0, R1 → replica 1 at t=0 (10 tokens each: tokens at 10..100 ms). Replica 0 crashes at
     * 35 ms after three iterations: R0 has 100 prompt + 2 decoded tokens computed (102 tokens) in 7
     * blocks of 16 (the next token's slot included). R2 arrives at 50 ms while replica 0 is down: the
     * router picks replica 0 (equal waiting, lower KV usage), the cluster sends it to replica 1.
     * Replica 0 is back at 135 ms, empty; R3 at 200 ms goes there.
     */
    @Test
    void aCrashWithoutRetryFailsItsRequestsLosesItsKvAndTheReplicaReturnsCold() {
        PipelineResult r = PipelineScenario.yaml(pipeline(2, """
                faults:
                  - {kind: crash, pool: gpu, replica: 0, at_s: 0.035, restart_s: 0.1}
                """)).requests(Request.of(0, 0, 100, 10), Request.of(1, 0, 100, 10), Request.of(2, 50 * MS, 20, 2),
                Request.of(3, 200 * MS, 20, 2)).run();
        assertEquals("failed", r.row(0).status());
        assertEquals("replica 0 crashed (injected fault)", r.row(0).reason());
        assertEquals(1, r.count("failed"));
        assertEquals(3, r.count("completed"));
        assertEquals(0, r.count("requests_retried"));
        assertEquals(7, r.count("kv_lost_blocks"));
        assertEquals(102, r.count("kv_lost_tokens"));
        assertEquals(100.0, r.row(1).e2elMs(), 1e-9, "replica 1 is untouched");
        assertEquals(1, r.row(2).replica(), "routed away from the crashed replica");
        assertEquals(0, r.row(3).replica(), "back in routing after the restart");
        assertEquals(10.0, r.row(3).ttftMs(), 1e-9);
        List<ClusterEvent> ev = r.events();
        assertEquals(List.of(ClusterEventKind.REPLICA_CRASHED, ClusterEventKind.REPLICA_RESTARTED), ev.stream().map(ClusterEvent::kind).toList());
        assertEquals(35 * MS, ev.get(0).atNanos());
        assertEquals(135 * MS, ev.get(1).atNanos());
        assertEquals(0, ev.get(0).replica());
        assertTrue(ev.get(0).detail().contains("dropped 1 requests, lost 7 KV blocks (102 tokens computed)"), ev.get(0).detail());
    }

    /**
     * As above with {@code retry:}: R0 is sent again at 35 ms to replica 1 (mid-iteration 30–40 ms), joins
     * the batch at 40 ms: first token at 50 ms, the other 9 at 60..140 ms. Its arrival stays 0, so TTFT
     * 50 ms and E2EL 140 ms. With an E2EL SLO of 110 ms and 50 ms buckets: nothing ended before the
     * crash (baseline 1.0); bucket [100, 150) has R1 (100 ms, met) and R0 (140 ms, missed): 0.5 < 1,
     * so SLO attainment recovered at 150 ms, 115 ms after the crash.
     */
    @Test
    void aCrashWithRetrySendsItsRequestToTheOtherReplicaAndReportsTheRecovery() {
        PipelineResult r = PipelineScenario.yaml(pipeline(2, """
                retry: {max_attempts: 2, on: [crash]}
                slo: {e2el_ms: 110}
                faults:
                  - {kind: crash, pool: gpu, replica: 0, at_s: 0.035, restart_s: 0.1}
                """)).requests(Request.of(0, 0, 100, 10), Request.of(1, 0, 100, 10)).run();
        assertEquals("completed", r.row(0).status());
        assertEquals(1, r.row(0).replica());
        assertEquals(50.0, r.row(0).ttftMs(), 1e-9);
        assertEquals(140.0, r.row(0).e2elMs(), 1e-9);
        assertEquals(100.0, r.row(1).e2elMs(), 1e-9);
        assertEquals(0, r.count("failed"));
        assertEquals(1, r.count("requests_retried"));
        assertEquals(0.115, r.value("slo_recovery_s"), 1e-12);
        ClusterEvent retried = r.events().stream().filter(e -> e.kind() == ClusterEventKind.REQUEST_RETRIED).findFirst().orElseThrow();
        assertEquals(35 * MS, retried.atNanos());
        assertEquals(1, retried.replica());
        assertTrue(retried.detail().startsWith("request 0 attempt 2 after crash on replica 0"), retried.detail());
    }

    /** A retry policy without {@code crash} in {@code on} leaves crashed requests failed. */
    @Test
    void retryOnlyForTheKindsListed() {
        PipelineResult r = PipelineScenario.yaml(pipeline(2, """
                retry: {max_attempts: 3, on: [connect, stream]}
                faults: [{kind: crash, replica: 0, at_s: 0.035, restart_s: 0.1}]
                """)).requests(Request.of(0, 0, 100, 10), Request.of(1, 0, 100, 10)).run();
        assertEquals("failed", r.row(0).status());
        assertEquals(0, r.count("requests_retried"));
    }

    /**
     * One replica, 10 tokens at t=0, slowed ×2 over [15, 55) ms: iterations 0–10, 10–20, then 20–40 and
     * 40–60 (each starts inside the window), then 10 ms again: tokens at 10, 20, 40, 60, 70 … 120 ms.
     */
    @Test
    void aSlowdownStretchesTheIterationsThatStartInsideItsWindow() {
        PipelineResult r = PipelineScenario.yaml(pipeline(1, """
                faults: [{kind: slowdown, pool: gpu, at_s: 0.015, duration_s: 0.04, factor: 2}]
                """)).requests(Request.of(0, 0, 100, 10)).run();
        assertEquals(120.0, r.row(0).e2elMs(), 1e-9);
        assertEquals(10.0, r.row(0).ttftMs(), 1e-9);
        assertEquals(List.of(ClusterEventKind.FAULT_STARTED, ClusterEventKind.FAULT_ENDED), r.events().stream().map(ClusterEvent::kind).toList());
        assertEquals(15 * MS, r.events().get(0).atNanos());
        assertEquals(55 * MS, r.events().get(1).atNanos());
        assertEquals(0, r.count("kv_lost_blocks"));
    }

    /**
     * Requests at 0, 100, 200, 300, 400 ms with a ×2 spike over [100, 200) ms: those due in [100, 300)
     * come at 100 + (t − 100)/2 (100, 150), later ones 100 ms earlier (200, 300).
     */
    @Test
    void aLoadSpikeCompressesArrivalsInItsWindowAndShiftsTheRest() {
        PipelineResult r = PipelineScenario.yaml(pipeline(1, """
                faults: [{kind: load-spike, at_s: 0.1, duration_s: 0.1, factor: 2}]
                """)).requests(Request.of(0, 0, 16, 1), Request.of(1, 100 * MS, 16, 1), Request.of(2, 200 * MS, 16, 1),
                Request.of(3, 300 * MS, 16, 1), Request.of(4, 400 * MS, 16, 1)).run();
        long[] arrivals = new long[5];
        for (int i = 0; i < 5; i++) arrivals[i] = r.row(i).arrivalNs() / MS;
        assertEquals(List.of(0L, 100L, 150L, 200L, 300L), java.util.Arrays.stream(arrivals).boxed().toList());
        assertEquals(5, r.count("completed"));
        assertEquals(-1, r.events().get(0).replica());
    }

    /**
     * Pools a (replicas 0, 1) and b (replica 2). R0 → 0, R1 → 1 at t=0; replica 0 crashes at 5 ms. R2 at
     * 10 ms: the router picks replica 0 (no waiting, no KV in use, lowest index); the cluster prefers the
     * healthy replica of the same pool (1, one outstanding) over the idle replica of pool b.
     */
    @Test
    void aRequestForACrashedReplicaGoesToItsPoolFirst() {
        PipelineResult r = PipelineScenario.yaml("""
                admission: {type: admission.test-prompt-cap, max_prompt: 100000}
                router: route.test-least-waiting
                pools:
                  - {name: a, replicas: 2, scheduler: batch.test-fcfs, kv_cache: {capacity_blocks: 100, eviction: kv.test-lru},
                     executor: {type: exec.test-linear, base_ms: 10}}
                  - {name: b, replicas: 1, scheduler: batch.test-fcfs, kv_cache: {capacity_blocks: 100, eviction: kv.test-lru},
                     executor: {type: exec.test-linear, base_ms: 10}}
                faults: [{kind: crash, pool: a, replica: 0, at_s: 0.005, restart_s: 1}]
                """).requests(Request.of(0, 0, 32, 5), Request.of(1, 0, 32, 5), Request.of(2, 10 * MS, 32, 2)).run();
        assertEquals("failed", r.row(0).status());
        assertEquals(1, r.row(2).replica());
        assertEquals(2, r.count("completed"));
    }

    /** With its only replica crashed, a request that arrives is refused with the reason (nothing serves it). */
    @Test
    void aRequestArrivingWhileEveryReplicaIsDownIsRejected() {
        PipelineResult r = PipelineScenario.yaml(pipeline(1, """
                faults: [{kind: crash, pool: gpu, at_s: 0.01, restart_s: 0.1}]
                """)).requests(Request.of(0, 50 * MS, 16, 2), Request.of(1, 200 * MS, 16, 2)).run();
        assertEquals("rejected", r.row(0).status());
        assertEquals("no healthy replica: replica 0 is down (injected fault)", r.row(0).reason());
        assertEquals("completed", r.row(1).status());
        assertEquals(0, r.count("kv_lost_blocks"), "it crashed empty");
    }

    /** Without retry or faults the summary has none of the resilience keys; {@code failed} is always there (vLLM writes it). */
    @Test
    void aPipelineWithoutRetryOrFaultsReportsNoResilienceKeys() {
        PipelineResult r = PipelineScenario.yaml(pipeline(1, "")).requests(Request.of(0, 0, 16, 2)).run();
        assertEquals(0L, ((Number) r.summary().get("failed")).longValue());
        for (String k : List.of("requests_retried", "kv_lost_blocks", "kv_lost_tokens", "slo_recovery_s")) {
            assertFalse(r.summary().containsKey(k), k);
        }
        assertTrue(r.events().isEmpty());
    }
}
