package dev.servelab.plugins.metrics;

import dev.servelab.engine.store.RequestTable;
import dev.servelab.engine.store.StoreReader;
import dev.servelab.engine.store.TokenTable;
import dev.servelab.testkit.PipelineResult;
import dev.servelab.testkit.PipelineScenario;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * vLLM's {@code calculate_metrics} (vllm/benchmarks/serve.py), re-implemented here from its published
 * definitions, over the per-token times a simulated run exported to its run store: every key that
 * ServeLab shares with {@code vllm bench serve} must equal vLLM's value on the same token times.
 *
 * <p>vLLM, per successful request: {@code ttft} = first token − send, {@code latency} = last token − send,
 * {@code itl} = every gap between consecutive tokens, {@code tpot} = (latency − ttft) / (output_len − 1) when
 * output_len &gt; 1 (0 in {@code all_tpots}, used by goodput, otherwise). Each list is summarised by
 * {@code np.mean}, {@code np.std} (population), {@code np.median} and {@code np.percentile} (linear
 * interpolation); throughputs divide by the benchmark duration; goodput counts requests whose TTFT, TPOT
 * and E2EL are all ≤ their SLO.
 */
class VllmBenchMetricsTest {
    private static final String PIPELINE = """
            seed: %d
            workload:
              type: workload.poisson
              rate_per_s: %s
              requests: %d
              input: {dist: lognormal, mean: 900, cv: 0.9, min: 2, max: 6000}
              output: {dist: lognormal, mean: 120, cv: 1.0, min: 1, max: 900}
            router: route.least-outstanding
            pools:
              - name: h100
                replicas: 2
                max_num_seqs: 64
                max_num_batched_tokens: 2048
                scheduler: batch.continuous
                kv_cache: {block_size: 16, capacity_blocks: 3000, prefix_caching: false}
                executor: {type: exec.test-linear, base_ms: 6, per_token_ms: 0.01}
            slo: {ttft_ms: 300, tpot_ms: 12, e2el_ms: 2500}
            metrics: {token_sample_requests: 100000}
            """;

    @ParameterizedTest(name = "{0} requests at {1}/s, seed {2}")
    @CsvSource({"20, 15, 1", "400, 30, 7"})
    void everySharedKeyEqualsVllmsFormulaOnTheExportedTokenTimes(int requests, String rate, int seed, @TempDir Path dir) {
        PipelineResult run = PipelineScenario.yaml(PIPELINE.formatted(seed, rate, requests)).workload(requests).storeIn(dir).run();
        Map<String, Object> summary = run.summary();
        Map<String, Double> vllm;
        try (StoreReader reader = StoreReader.open(dir.resolve("runs.db"))) {
            vllm = calculateMetrics(reader.requests(run.runId()), reader.tokens(run.runId()),
                    ((Number) summary.get("duration")).doubleValue(), 300, 12, 2500);
        }
        assertTrue(vllm.size() > 30, "the keys compared: " + vllm.keySet());
        for (Map.Entry<String, Double> e : vllm.entrySet()) {
            Object ours = summary.get(e.getKey());
            assertTrue(ours instanceof Number, e.getKey() + " missing from the summary");
            double v = ((Number) ours).doubleValue();
            assertEquals(e.getValue(), v, Math.abs(e.getValue()) * 1e-9 + 1e-12, e.getKey());
        }
        assertEquals(0L, summary.get("failed"));
    }

    /** vLLM's calculate_metrics over one run's rows and per-token times; every request completed. */
    private static Map<String, Double> calculateMetrics(RequestTable rows, TokenTable tokens, double durationS,
                                                        double ttftSlo, double tpotSlo, double e2elSlo) {
        List<Double> ttfts = new ArrayList<>(), tpots = new ArrayList<>(), itls = new ArrayList<>(), e2els = new ArrayList<>();
        long inputTokens = 0, outputTokens = 0, good = 0, lastEnd = 0;
        Map<Long, Integer> prompt = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) prompt.put(rows.id()[i], rows.prompt()[i]);
        assertEquals(rows.size(), tokens.rows(), "every request's token times were exported");
        for (int r = 0; r < tokens.rows(); r++) {
            long send = tokens.arrival()[r];
            int n = tokens.tokens(r);
            long[] t = Arrays.copyOfRange(tokens.times(), tokens.start()[r], tokens.start()[r + 1]);
            double ttft = (t[0] - send) / 1e9;
            double latency = (t[n - 1] - send) / 1e9;
            double tpot = 0;
            if (n > 1) {
                tpot = (latency - ttft) / (n - 1);
                tpots.add(tpot);
            }
            for (int k = 1; k < n; k++) itls.add((t[k] - t[k - 1]) / 1e9);
            ttfts.add(ttft);
            e2els.add(latency);
            inputTokens += prompt.get(tokens.requestId()[r]);
            outputTokens += n;
            lastEnd = Math.max(lastEnd, t[n - 1]);
            if (ttft * 1000 <= ttftSlo && tpot * 1000 <= tpotSlo && latency * 1000 <= e2elSlo) good++;
        }
        assertEquals(lastEnd / 1e9, durationS, 1e-12, "every request completed: the run ends at the last token");
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("completed", (double) tokens.rows());
        m.put("total_input_tokens", (double) inputTokens);
        m.put("total_output_tokens", (double) outputTokens);
        m.put("request_throughput", tokens.rows() / durationS);
        m.put("request_goodput", good / durationS);
        m.put("output_throughput", outputTokens / durationS);
        m.put("total_token_throughput", (inputTokens + outputTokens) / durationS);
        summarise(m, "ttft", ttfts);
        summarise(m, "tpot", tpots);
        summarise(m, "itl", itls);
        summarise(m, "e2el", e2els);
        return m;
    }

    /** vLLM's mean / std / median / p50 / p90 / p95 / p99 of one list in seconds, written in ms. */
    private static void summarise(Map<String, Double> m, String name, List<Double> seconds) {
        double[] x = seconds.stream().mapToDouble(Double::doubleValue).toArray();
        if (x.length == 0) x = new double[]{0};
        double mean = Arrays.stream(x).sum() / x.length;
        double var = Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum() / x.length;
        m.put("mean_" + name + "_ms", mean * 1000);
        m.put("std_" + name + "_ms", Math.sqrt(var) * 1000);
        m.put("median_" + name + "_ms", percentile(x, 50) * 1000);
        for (int p : new int[]{50, 90, 95, 99}) m.put("p" + p + "_" + name + "_ms", percentile(x, p) * 1000);
    }

    /** {@code np.percentile(x, p)} with its default linear method: the value at rank (n − 1)·p/100, interpolated. */
    private static double percentile(double[] x, double p) {
        double[] s = x.clone();
        Arrays.sort(s);
        double h = (s.length - 1) * p / 100;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, s.length - 1);
        return s[lo] + (h - lo) * (s[hi] - s[lo]);
    }
}
