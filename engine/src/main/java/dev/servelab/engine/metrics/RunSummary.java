package dev.servelab.engine.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A run's headline numbers (vLLM {@code bench serve} definitions plus ServeLab's), as
 * {@link MetricsCollector#summary()} computes them. {@code failed} is always set, as vLLM always writes
 * it (a summary read from an older store may still lack it: null); {@code requestGoodput} is null when
 * the pipeline sets no SLO; {@code maxConcurrency} is null for an open-loop run (vLLM writes null then too).
 * {@code tokensPerSecondPerUser} is 1000 / mean TPOT (0 without TPOT), {@code outputThroughputPerGpu} the output
 * throughput over the GPUs of every pool (replicas × tensor parallel); {@code resilience} is null unless the
 * pipeline has a {@code retry:} policy or {@code faults:}; {@code loraSwaps} (LoRA adapters loaded onto a GPU)
 * is null unless a pool has {@code lora}; {@code tierHits} is null unless a pool has tiered KV offload
 * ({@code kv_cache.cpu_tier} or {@code disk_tier}).
 * {@link #toMap()} is the JSON form that the CLI prints and the run store keeps.
 */
public record RunSummary(long completed, long rejected, Long failed, double duration, long totalInputTokens,
                         long totalOutputTokens, double requestThroughput, Double requestGoodput, double outputThroughput,
                         double totalTokenThroughput, LatencySummary ttft, LatencySummary tpot, LatencySummary itl,
                         LatencySummary e2el, LatencySummary queueingDelay, long iterations, long preemptions,
                         double prefixCacheHitRatio, double meanBatchSize, double peakKvUsage, double energyJ,
                         double joulesPerOutputToken, Long maxConcurrency, double outputThroughputPerGpu,
                         double tokensPerSecondPerUser, ResilienceSummary resilience, Long loraSwaps,
                         KvTierHits tierHits) {
    /** A summary of a run without multi-LoRA pools or KV tiers. */
    public RunSummary(long completed, long rejected, Long failed, double duration, long totalInputTokens,
                      long totalOutputTokens, double requestThroughput, Double requestGoodput, double outputThroughput,
                      double totalTokenThroughput, LatencySummary ttft, LatencySummary tpot, LatencySummary itl,
                      LatencySummary e2el, LatencySummary queueingDelay, long iterations, long preemptions,
                      double prefixCacheHitRatio, double meanBatchSize, double peakKvUsage, double energyJ,
                      double joulesPerOutputToken, Long maxConcurrency, double outputThroughputPerGpu,
                      double tokensPerSecondPerUser, ResilienceSummary resilience) {
        this(completed, rejected, failed, duration, totalInputTokens, totalOutputTokens, requestThroughput, requestGoodput,
                outputThroughput, totalTokenThroughput, ttft, tpot, itl, e2el, queueingDelay, iterations, preemptions,
                prefixCacheHitRatio, meanBatchSize, peakKvUsage, energyJ, joulesPerOutputToken, maxConcurrency,
                outputThroughputPerGpu, tokensPerSecondPerUser, resilience, null, null);
    }

    /** A metric as a double; NaN where the summary has none (failed left out, goodput without SLO). */
    public double value(MetricKey key) {
        Number n = key.read(this);
        return n == null ? Double.NaN : n.doubleValue();
    }

    /**
     * The summary keyed by {@link MetricKey#key()} in {@link MetricKey} order: {@code Long} counts,
     * {@code Double} measurements, {@code request_goodput} null without SLO, {@code failed} when set.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (MetricKey k : MetricKey.values()) {
            Number v = k.read(this);
            if (v == null && k == MetricKey.FAILED) continue;
            if (k.resilience() && resilience == null) continue;
            if (k == MetricKey.LORA_SWAPS && loraSwaps == null) continue;
            if (k.tiered() && tierHits == null) continue;
            m.put(k.key(), v);
        }
        return m;
    }
}
