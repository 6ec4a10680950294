package dev.servelab.engine.metrics;

import dev.servelab.engine.model.Request;
import dev.servelab.engine.observe.IterationRecord;
import dev.servelab.engine.observe.LongList;
import dev.servelab.engine.observe.SequenceRecord;
import dev.servelab.engine.pipeline.SloSpec;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The headline numbers computed by hand from a few finished requests, with vLLM's definitions. */
class MetricsCollectorTest {
    private static final long MS = 1_000_000;

    /** A finished request as observers see it. */
    record Done(Request request, long firstScheduledNanos, long firstTokenNanos, long finishNanos, int generatedTokens)
            implements SequenceRecord {
        public int replica() { return 0; }
        public int totalCachedTokens() { return 0; }
        public LongList tokenTimes() { return null; }
        public LongList preemptionTimes() { return null; }
        public boolean isSampled() { return false; }
        public int computedTokens() { return request.promptTokens() + generatedTokens; }
        public int cachedTokens() { return 0; }
        public int preemptions() { return 0; }
        public int blocksHeld() { return 0; }
        public int[] blockTable() { return new int[0]; }
    }

    /**
     * A: arrives 0, scheduled 2 ms, first token 10 ms, 5 tokens, done 50 ms: TTFT 10, E2EL 50, TPOT 40/4 = 10.
     * B: arrives 20 ms, scheduled 30 ms, first token 40 ms, 3 tokens, done 80 ms: TTFT 20, E2EL 60, TPOT 40/2 = 20.
     * C: arrives 30 ms, scheduled 30 ms, one token at 60 ms: TTFT 30, E2EL 30, no TPOT.
     */
    private static MetricsCollector threeRequests(SloSpec slo) {
        MetricsCollector m = new MetricsCollector(slo);
        Done a = new Done(Request.of(0, 0, 100, 5), 2 * MS, 10 * MS, 50 * MS, 5);
        Done b = new Done(Request.of(1, 20 * MS, 200, 3), 30 * MS, 40 * MS, 80 * MS, 3);
        Done c = new Done(Request.of(2, 30 * MS, 50, 1), 30 * MS, 60 * MS, 60 * MS, 1);
        for (Done d : new Done[]{a, b, c}) m.onArrival(d.request(), d.request().arrivalNanos());
        m.onArrival(Request.of(3, 40 * MS, 10, 1), 40 * MS);
        m.onRejected(Request.of(3, 40 * MS, 10, 1), "queue full", -1, 40 * MS);
        m.onFinished(a, 50 * MS);
        m.onFinished(c, 60 * MS);
        m.onFinished(b, 80 * MS);
        m.onInterTokenGaps(10 * MS, 4);
        m.onInterTokenGaps(20 * MS, 2);
        return m;
    }

    @Test
    void latenciesFollowVllmDefinitions() {
        Map<String, Object> s = threeRequests(SloSpec.NONE).summary().toMap();
        assertEquals(3L, s.get("completed"));
        assertEquals(1L, s.get("rejected"));
        assertEquals(0L, s.get("failed"), "failed is always written, as vLLM does");
        assertEquals(0.08, (double) s.get("duration"), 1e-12, "run start to the last completion");
        assertEquals(350L, s.get("total_input_tokens"));
        assertEquals(9L, s.get("total_output_tokens"));
        assertEquals(3 / 0.08, (double) s.get("request_throughput"), 1e-9);
        assertEquals(9 / 0.08, (double) s.get("output_throughput"), 1e-9);
        assertEquals(359 / 0.08, (double) s.get("total_token_throughput"), 1e-9);
        assertNull(s.get("request_goodput"), "no SLO, no goodput");

        assertEquals(20.0, (double) s.get("mean_ttft_ms"), 1e-9);
        assertEquals(20.0, (double) s.get("median_ttft_ms"), 1e-12);
        assertEquals(20 + 0.98 * 10, (double) s.get("p99_ttft_ms"), 1e-12, "np.percentile interpolates between 20 and 30");
        assertEquals(Math.sqrt(200.0 / 3), (double) s.get("std_ttft_ms"), 1e-9, "population std of 10, 20, 30");
        assertEquals(15.0, (double) s.get("mean_tpot_ms"), 1e-9, "only A and B have a TPOT");
        assertEquals(140.0 / 3, (double) s.get("mean_e2el_ms"), 1e-9);
        assertEquals(80.0 / 6, (double) s.get("mean_itl_ms"), 1e-9, "four 10 ms gaps and two 20 ms gaps");
        assertEquals(20.0, (double) s.get("p99_itl_ms"), 1e-12);
        assertEquals(10.0, (double) s.get("median_itl_ms"), 1e-12, "rank 2.5 of 10,10,10,10,20,20");
        assertEquals(4.0, (double) s.get("mean_queueing_delay_ms"), 1e-9, "2, 10 and 0 ms");
    }

    @Test
    void goodputCountsRequestsMeetingEverySetSlo() {
        Map<String, Object> ttftOnly = threeRequests(new SloSpec(25.0, null, null)).summary().toMap();
        assertEquals(2 / 0.08, (double) ttftOnly.get("request_goodput"), 1e-9, "A and B within 25 ms TTFT");
        Map<String, Object> both = threeRequests(new SloSpec(25.0, 15.0, null)).summary().toMap();
        assertEquals(1 / 0.08, (double) both.get("request_goodput"), 1e-9, "B's 20 ms TPOT misses");
        Map<String, Object> e2el = threeRequests(new SloSpec(null, null, 50.0)).summary().toMap();
        assertEquals(2 / 0.08, (double) e2el.get("request_goodput"), 1e-9, "A (50 ms) and C (30 ms)");
    }

    @Test
    void iterationsGiveBatchSizeKvPeakPrefixHitsAndEnergy() {
        MetricsCollector m = new MetricsCollector(SloSpec.NONE);
        m.onIteration(iteration(2, 30, 100, 1000, 250, 0, 1.5));
        m.onIteration(iteration(4, 80, 100, 1000, 0, 1, Double.NaN));
        Map<String, Object> s = m.summary().toMap();
        assertEquals(2L, s.get("iterations"));
        assertEquals(3.0, s.get("mean_batch_size"));
        assertEquals(0.8, s.get("peak_kv_usage"));
        assertEquals(250.0 / 2000, s.get("prefix_cache_hit_ratio"), "hits over lookups of both iterations");
        assertEquals(1L, s.get("preemptions"));
        assertEquals(1.5, s.get("energy_j"), "an unknown energy counts as nothing");
    }

    @Test
    void aFailedRequestIsCountedApartFromTheCompletedOnes() {
        MetricsCollector m = threeRequests(SloSpec.NONE);
        m.onFailed(new Done(Request.of(9, 0, 10, 10), 0, 5 * MS, 90 * MS, 4), "stream broke", 90 * MS);
        Map<String, Object> s = m.summary().toMap();
        assertEquals(1L, s.get("failed"));
        assertEquals(3L, s.get("completed"));
        assertEquals(9L, s.get("total_output_tokens"), "a failed request's tokens are not in the totals");
        assertEquals(0.09, (double) s.get("duration"), 1e-12, "the run lasts until the failed request ended too");
    }

    private static IterationRecord iteration(int batch, int kvUsed, int kvCapacity, long lookup, long hits, int preemptions,
                                             double joules) {
        IterationRecord r = new IterationRecord();
        r.batchSize = batch;
        r.kvUsedBlocks = kvUsed;
        r.kvCapacityBlocks = kvCapacity;
        r.lookupTokens = lookup;
        r.hitTokens = hits;
        r.preemptions = preemptions;
        r.joules = joules;
        return r;
    }
}
