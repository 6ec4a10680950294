package dev.servelab.plugins.workload;

import dev.servelab.engine.model.Request;
import dev.servelab.engine.spi.RequestStream;
import dev.servelab.engine.workload.ConcurrencyCap;
import dev.servelab.testkit.PipelineResult;
import dev.servelab.testkit.PipelineScenario;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** workload.closed-loop through the real engine: requests in flight, pacing, warmup, determinism; run --max-concurrency's cap. */
class ClosedLoopWorkloadTest {
    private static final String PIPELINE = """
            seed: %d
            workload:
              type: workload.closed-loop
              concurrency: %d
              requests: %d
              input: {dist: random, mean: 600, range_ratio: 0.5}
              output: {dist: random, mean: 40, range_ratio: 0.9}
              think_time_ms: %s
              warmup_requests: %d
            pools:
              - name: p
                replicas: 2
                tensor_parallel: 2
                max_num_batched_tokens: 2048
                scheduler: batch.continuous
                kv_cache: {block_size: 16, capacity_blocks: 4000, prefix_caching: false}
                executor: {type: exec.test-linear, base_ms: 4, per_token_ms: 0.01}
            """;

    private static PipelineResult run(long seed, int concurrency, int requests, double thinkMs, int warmup) {
        return PipelineScenario.yaml(PIPELINE.formatted(seed, concurrency, requests, thinkMs, warmup)).run();
    }

    /** In-flight requests after all events of each instant: +1 at an arrival, -1 at an end. */
    private static TreeMap<Long, Integer> inFlight(PipelineResult r) {
        TreeMap<Long, Integer> delta = new TreeMap<>();
        for (PipelineResult.Row row : r.rows().values()) {
            delta.merge(row.arrivalNs(), 1, Integer::sum);
            delta.merge(row.finishNs(), -1, Integer::sum);
        }
        TreeMap<Long, Integer> level = new TreeMap<>();
        int n = 0;
        for (Map.Entry<Long, Integer> e : delta.entrySet()) level.put(e.getKey(), n += e.getValue());
        return level;
    }

    @Test
    void exactlyConcurrencyRequestsAreInFlightUntilTheLastIsSent() {
        PipelineResult r = run(7, 8, 80, 0, 0);
        assertEquals(80, r.count("completed"));
        long lastArrival = r.rows().values().stream().mapToLong(PipelineResult.Row::arrivalNs).max().orElseThrow();
        TreeMap<Long, Integer> level = inFlight(r);
        for (Map.Entry<Long, Integer> e : level.headMap(lastArrival, true).entrySet()) {
            assertEquals(8, e.getValue(), "in flight at " + e.getKey() + " ns");
        }
        for (int v : level.tailMap(lastArrival, false).values()) assertTrue(v < 8, "only at the end fewer are in flight");
        assertEquals(8, r.rows().values().stream().filter(x -> x.arrivalNs() == 0).count(), "the first 8 start at once");
        Set<Long> ends = new HashSet<>();
        for (PipelineResult.Row x : r.rows().values()) ends.add(x.finishNs());
        for (PipelineResult.Row x : r.rows().values()) {
            assertTrue(x.arrivalNs() == 0 || ends.contains(x.arrivalNs()), "request " + x.id() + " starts as another ends");
        }
        assertEquals(8L, r.summary().get("max_concurrency"));
        double tpot = r.value("mean_tpot_ms");
        assertEquals(1000 / tpot, r.value("tokens_per_second_per_user"), 1e-9);
        assertEquals(r.value("output_throughput") / 4, r.value("output_throughput_per_gpu"), 1e-9, "2 replicas x TP 2");
    }

    @Test
    void deterministicPerSeed() {
        PipelineResult a = run(3, 5, 40, 0, 0);
        PipelineResult b = run(3, 5, 40, 0, 0);
        PipelineResult c = run(4, 5, 40, 0, 0);
        assertEquals(rows(a), rows(b));
        for (String k : List.of("duration", "mean_ttft_ms", "p99_itl_ms", "iterations")) assertEquals(a.summary().get(k), b.summary().get(k), k);
        assertNotEquals(rows(a), rows(c));
    }

    @Test
    void thinkTimeDelaysTheNextRequestOfASlot() {
        PipelineResult r = run(7, 4, 30, 25, 0);
        Set<Long> ends = new HashSet<>();
        for (PipelineResult.Row x : r.rows().values()) ends.add(x.finishNs());
        for (PipelineResult.Row x : r.rows().values()) {
            assertTrue(x.arrivalNs() == 0 || ends.contains(x.arrivalNs() - 25_000_000L), "request " + x.id());
        }
    }

    @Test
    void warmupRequestsAreServedButNotMeasured() {
        PipelineResult all = run(9, 4, 40, 0, 0);
        PipelineResult warm = run(9, 4, 40, 0, 8);
        assertEquals(40, all.count("completed"));
        assertEquals(32, warm.count("completed"), "8 warmup requests left out");
        assertEquals(rows(all), rows(warm), "served exactly alike");
        long warmOutput = 0;
        for (PipelineResult.Row x : all.rows().values()) if (x.id() < 8) warmOutput += x.outputTokens();
        assertEquals(all.count("total_output_tokens") - warmOutput, warm.count("total_output_tokens"));
        long measuredGaps = 0;
        for (PipelineResult.Row x : all.rows().values()) if (x.id() >= 8) measuredGaps += x.outputTokens() - 1;
        double itlSum = 0;
        for (PipelineResult.Row x : all.rows().values()) {
            if (x.id() >= 8 && x.outputTokens() > 1) itlSum += (x.finishNs() - x.firstTokenNs()) / 1e6;
        }
        assertEquals(itlSum / measuredGaps, warm.value("mean_itl_ms"), 1e-9, "ITL over the measured requests' gaps only");
    }

    @Test
    void maxConcurrencyCapsAnOpenLoopWorkload() {
        List<Request> burst = new ArrayList<>();
        for (int i = 0; i < 40; i++) burst.add(Request.of(i, i * 1_000_000L, 200, 20));
        Iterator<Request> it = burst.iterator();
        RequestStream open = () -> it.hasNext() ? it.next() : null;
        PipelineResult capped = PipelineScenario.yaml("""
                pools:
                  - name: p
                    kv_cache: {block_size: 16, capacity_blocks: 20000, prefix_caching: false}
                    executor: {type: exec.test-linear, base_ms: 4, per_token_ms: 0.01}
                """).stream(new ConcurrencyCap(open, 3)).run();
        assertEquals(40, capped.count("completed"));
        assertEquals(3L, capped.summary().get("max_concurrency"));
        TreeMap<Long, Integer> level = inFlight(capped);
        assertTrue(level.values().stream().allMatch(v -> v <= 3), "never more than 3 in flight: " + level.values());
        for (PipelineResult.Row x : capped.rows().values()) {
            assertTrue(x.arrivalNs() >= x.id() * 1_000_000L, "a request is sent at its time or when a slot frees");
        }
        assertTrue(capped.rows().get(39L).arrivalNs() > 39_000_000L, "the last request waited for a slot");
    }

    @Test
    void anOpenLoopRunReportsANullMaxConcurrency() {
        PipelineResult open = PipelineScenario.yaml("""
                workload: {type: workload.poisson, rate_per_s: 50, requests: 20}
                pools:
                  - name: p
                    kv_cache: {block_size: 16, capacity_blocks: 20000, prefix_caching: false}
                    executor: {type: exec.test-linear, base_ms: 4, per_token_ms: 0.01}
                """).run();
        assertTrue(open.summary().containsKey("max_concurrency"));
        assertNull(open.summary().get("max_concurrency"), "open loop: null, as vLLM writes it");
    }

    private static List<String> rows(PipelineResult r) {
        List<String> out = new ArrayList<>();
        for (PipelineResult.Row x : r.rows().values()) out.add(x.toString());
        return out;
    }

}
