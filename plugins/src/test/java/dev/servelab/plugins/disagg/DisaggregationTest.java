package dev.servelab.plugins.disagg;

import dev.servelab.engine.model.Request;
import dev.servelab.testkit.PipelineResult;
import dev.servelab.testkit.PipelineScenario;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Prefill/decode disaggregation through the real cluster: handoff timing and decode isolation. */
class DisaggregationTest {
    private static final long MS = 1_000_000;

    static String disaggregated(double baseMs, double perTokenMs) {
        return """
                name: disagg
                router: {type: route.disaggregated, prefill_pool: prefill, decode_pool: decode,
                         link_gb_per_s: 1, link_latency_ms: 2, kv_bytes_per_token: 1000}
                pools:
                  - {name: prefill, replicas: 1, max_num_seqs: 64, max_num_batched_tokens: 8192,
                     kv_cache: {block_size: 16, capacity_blocks: 4000},
                     executor: {type: exec.test-linear, base_ms: %1$s, per_token_ms: %2$s}}
                  - {name: decode, replicas: 1, max_num_seqs: 64, max_num_batched_tokens: 8192,
                     kv_cache: {block_size: 16, capacity_blocks: 4000},
                     executor: {type: exec.test-linear, base_ms: %1$s, per_token_ms: %2$s}}
                """.formatted(baseMs, perTokenMs);
    }

    @Test
    void thePrefilledRequestDecodesOnTheOtherPoolAfterTheKvTransfer() {
        PipelineResult o = PipelineScenario.yaml(disaggregated(10, 0)).requests(List.of(Request.of(0, 0, 1000, 5))).run();
        PipelineResult.Row r = o.rows().get(0L);
        assertEquals(1, r.replica(), "finished on the decode replica");
        assertEquals(10 * MS, r.firstTokenNs(), "first token from the prefill iteration");
        // transfer 2 ms + 1,000 tokens x 1,000 B at 1 GB/s = 3 ms; then four 10 ms decode iterations
        assertEquals(10 * MS + 3 * MS + 40 * MS, r.finishNs());
    }

    static double tpotMs(PipelineResult.Row r, int outputTokens) {
        return (r.finishNs() - r.firstTokenNs()) / 1e6 / (outputTokens - 1);
    }

    @Test
    void decodesNoLongerStallBehindLongPrefills() {
        List<Request> rs = new ArrayList<>();
        rs.add(Request.of(0, 0, 64, 300));
        for (int i = 1; i <= 4; i++) rs.add(Request.of(i, i * 200 * MS, 8000, 2));
        String colocated = """
                name: colocated
                router: route.round-robin
                pools:
                  - {name: gpu, replicas: 1, max_num_seqs: 64, max_num_batched_tokens: 8192,
                     kv_cache: {block_size: 16, capacity_blocks: 4000},
                     executor: {type: exec.test-linear, base_ms: 5, per_token_ms: 0.01}}
                """;
        PipelineResult co = PipelineScenario.yaml(colocated).requests(rs).run();
        PipelineResult dis = PipelineScenario.yaml(disaggregated(5, 0.01)).requests(rs).run();
        double coTpot = tpotMs(co.rows().get(0L), 300);
        double disTpot = tpotMs(dis.rows().get(0L), 300);
        // colocated: four 8,000-token prefills (85 ms each) stall A's decodes; disaggregated: they run elsewhere
        assertTrue(coTpot > 5 + 4 * 80.0 / 299, "colocated TPOT of A: " + coTpot);
        assertTrue(disTpot < 5.2, "disaggregated TPOT of A: " + disTpot);
        assertEquals(5, dis.count("completed"));
    }
}
