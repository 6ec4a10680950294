package dev.servelab.engine.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servelab.engine.observe.IterationRecord;
import dev.servelab.engine.pipeline.SloSpec;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The typed summary and its JSON form: one key per {@link MetricKey}, in its order, with vLLM's number types. */
class RunSummaryTest {
    @Test
    void theJsonFormHasEveryKeyInMetricKeyOrderFailedIncludedAndANullGoodputWhenNoSloIsSet() throws Exception {
        MetricsCollector c = new MetricsCollector(SloSpec.NONE);
        IterationRecord it = new IterationRecord();
        it.batchSize = 3;
        it.kvUsedBlocks = 5;
        it.kvCapacityBlocks = 10;
        it.lookupTokens = 8;
        it.hitTokens = 2;
        it.joules = Double.NaN;
        c.onIteration(it);
        RunSummary s = c.summary();
        Map<String, Object> m = s.toMap();
        List<String> expected = new ArrayList<>(Arrays.stream(MetricKey.values()).map(MetricKey::key).toList());
        for (MetricKey k : MetricKey.values()) if (k.resilience() || k.tiered()) expected.remove(k.key());
        expected.remove(MetricKey.LORA_SWAPS.key());   // only with a pool's lora
        assertEquals(expected, List.copyOf(m.keySet()));
        assertTrue(m.containsKey("request_goodput"));
        assertNull(m.get("request_goodput"));
        assertTrue(Double.isNaN(s.value(MetricKey.REQUEST_GOODPUT)));
        assertEquals(0.0, s.value(MetricKey.FAILED), "failed is always written, as vLLM does");
        assertEquals(0.25, s.value(MetricKey.PREFIX_CACHE_HIT_RATIO));
        assertEquals(0.5, s.value(MetricKey.PEAK_KV_USAGE));
        assertEquals(3.0, s.value(MetricKey.MEAN_BATCH_SIZE));
        for (MetricKey k : MetricKey.values()) {
            Object v = m.get(k.key());
            if (v != null) assertEquals(k.integral() ? Long.class : Double.class, v.getClass(), k.key());
        }
        String json = new ObjectMapper().writeValueAsString(m);
        assertTrue(json.startsWith("{\"completed\":0,\"rejected\":0,\"failed\":0,\"duration\":0.0,"), json);
    }

    @Test
    void failedAlwaysAndGoodputWhenAnSloIsSet() {
        MetricsCollector c = new MetricsCollector(new SloSpec(100.0, null, null));
        Map<String, Object> m = c.summary().toMap();
        assertEquals(0L, m.get("failed"));
        assertEquals(List.of("completed", "rejected", "failed", "duration"), List.copyOf(m.keySet()).subList(0, 4));
        assertEquals(0.0, m.get("request_goodput"));
    }

    @Test
    void keysAreUniqueAndTheComparisonListsNameKnownKeys() {
        assertEquals(MetricKey.values().length, new HashSet<>(Arrays.stream(MetricKey.values()).map(MetricKey::key).toList()).size());
        for (MetricKey k : MetricKey.values()) assertEquals(k, MetricKey.ofKey(k.key()).orElseThrow());
        assertTrue(MetricKey.ofKey("events").isEmpty(), "run-level numbers are not metrics");
        assertEquals("Mean TTFT (ms)", MetricKey.MEAN_TTFT_MS.labelWithUnit());
        assertTrue(MetricKey.P99_E2EL_MS.lowerIsBetter());
        assertTrue(!MetricKey.REQUEST_THROUGHPUT.lowerIsBetter());
        assertEquals(MetricKey.Source.SERVELAB, MetricKey.MEAN_QUEUEING_DELAY_MS.source());
    }

    @Test
    void withTiersTheSummaryCountsHitTokensByTierAddingUpToTheHits() {
        MetricsCollector c = new MetricsCollector(SloSpec.NONE);
        c.trackTiers();
        IterationRecord it = new IterationRecord();
        it.kvCapacityBlocks = 10;
        it.lookupTokens = 100;
        it.hitTokens = 60;
        it.hitTokensCpu = 16;
        it.hitTokensDisk = 32;
        it.joules = Double.NaN;
        c.onIteration(it);
        Map<String, Object> m = c.summary().toMap();
        assertEquals(12L, m.get("prefix_hit_tokens_gpu"));
        assertEquals(16L, m.get("prefix_hit_tokens_cpu"));
        assertEquals(32L, m.get("prefix_hit_tokens_disk"));
        assertEquals(0.6, m.get("prefix_cache_hit_ratio"));
    }
}
