package dev.servelab.experiments.sweep;

import dev.servelab.engine.metrics.MetricKey;
import dev.servelab.engine.metrics.RunCost;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The metric names a sweep can constrain, optimise or plot: a run summary's keys ({@link MetricKey},
 * {@link RunCost.Key}), {@value #SLO_ATTAINMENT} (the share of requests meeting every per-request SLO)
 * and, with a capacity search, {@value #MAX_RATE_PER_S} or {@value #MIN_REPLICAS}.
 */
public final class SweepMetrics {
    public static final String SLO_ATTAINMENT = "slo_attainment";
    public static final String MAX_RATE_PER_S = "max_rate_per_s";
    public static final String MIN_REPLICAS = "min_replicas";

    private SweepMetrics() {
    }

    /** Every known name, for error messages. */
    public static List<String> names() {
        List<String> out = new ArrayList<>();
        for (MetricKey k : MetricKey.values()) out.add(k.key());
        for (RunCost.Key k : RunCost.Key.values()) out.add(k.key());
        out.addAll(List.of(SLO_ATTAINMENT, MAX_RATE_PER_S, MIN_REPLICAS));
        return out;
    }

    public static boolean known(String name) {
        return names().contains(name);
    }

    /** Whether lower values are better (so a constraint on it is an upper bound). */
    public static boolean lowerIsBetter(String name) {
        var key = MetricKey.ofKey(name);
        if (key.isPresent()) return key.get().better() != MetricKey.Better.HIGHER;
        return !(name.equals(RunCost.Key.REQUEST_GOODPUT_PER_GPU.key()) || name.equals(SLO_ATTAINMENT)
                || name.equals(MAX_RATE_PER_S));
    }

    /**
     * The share of arrived requests that completed meeting every SLO the pipeline sets: goodput × duration
     * over completed + rejected (+ failed); null without an SLO or without requests.
     */
    public static Double sloAttainment(Map<String, Object> summary) {
        if (!(summary.get(MetricKey.REQUEST_GOODPUT.key()) instanceof Number goodput)) return null;
        double duration = ((Number) summary.get(MetricKey.DURATION.key())).doubleValue();
        long all = count(summary, MetricKey.COMPLETED) + count(summary, MetricKey.REJECTED) + count(summary, MetricKey.FAILED);
        if (all == 0) return null;
        return Math.min(1.0, Math.round(goodput.doubleValue() * duration) / (double) all);
    }

    private static long count(Map<String, Object> summary, MetricKey key) {
        return summary.get(key.key()) instanceof Number n ? n.longValue() : 0;
    }
}
