package dev.servelab.safety.ab;

import dev.servelab.engine.metrics.MetricKey;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A metric an A/B comparison judges: its key as {@code run --json} spells it, its direction and unit.
 * The set is vLLM's {@code bench serve} keys that have a direction (counts, throughputs, goodput and
 * every TTFT/TPOT/ITL/E2EL statistic but the standard deviations), preemptions, the prefix-cache hit
 * ratio, and two figures derived
 * from a run: {@link #SLO_ATTAINMENT} and {@link #COST_PER_MILLION_TOKENS}.
 */
public record ComparedMetric(String key, boolean lowerIsBetter, String unit, MetricKey source) {
    /** Share of the requests that arrived which completed meeting every SLO (needs an {@code slo:}). */
    public static final ComparedMetric SLO_ATTAINMENT = new ComparedMetric("slo_attainment", false, "", null);
    /** US dollars of device time per million tokens (input + output), from the hardware catalog's hourly price. */
    public static final ComparedMetric COST_PER_MILLION_TOKENS = new ComparedMetric("cost_per_million_tokens", true, "USD", null);

    /** Every compared metric, in the order of {@link MetricKey} with the derived ones after. */
    public static final List<ComparedMetric> ALL = all();

    private static List<ComparedMetric> all() {
        List<ComparedMetric> out = new ArrayList<>();
        for (MetricKey k : MetricKey.values()) {
            boolean vllm = k.source() == MetricKey.Source.VLLM || k == MetricKey.PREEMPTIONS || k == MetricKey.PREFIX_CACHE_HIT_RATIO;
            if (vllm && k.better() != MetricKey.Better.NEITHER) out.add(new ComparedMetric(k.key(), k.lowerIsBetter(), k.unit(), k));
        }
        out.add(SLO_ATTAINMENT);
        out.add(COST_PER_MILLION_TOKENS);
        return List.copyOf(out);
    }

    public static Optional<ComparedMetric> ofKey(String key) {
        return ALL.stream().filter(m -> m.key.equals(key)).findFirst();
    }

    public static List<String> keys() {
        return ALL.stream().map(ComparedMetric::key).toList();
    }
}
