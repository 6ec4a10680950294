package dev.servelab.safety.ab;

import dev.servelab.plugins.rollout.RuleCheck;
import dev.servelab.safety.stats.MetricComparison;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A finished comparison: its id in the store, the rounds with their runs, the per-metric comparisons
 * and the gate outcome (null without {@code --gate}). {@link #toJson()} is the object {@code ab --json}
 * prints: {@code comparison_id}, {@code rounds}, {@code metrics} (per metric {@code baseline},
 * {@code candidate}, {@code difference}, {@code ci_low}, {@code ci_high}, {@code p_value},
 * {@code verdict}, plus {@code difference_pct} and {@code p_adjusted}), {@code gate} ({@code passed},
 * {@code failed_rules}) only with a gate, and {@code runs} (per round its seed, workload and run ids).
 */
public record AbResult(long comparisonId, String baselineName, String candidateName, List<AbRound> rounds,
                       Map<String, MetricComparison> metrics, GateOutcome gate) {
    public AbResult {
        rounds = List.copyOf(rounds);
        metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("comparison_id", comparisonId);
        m.put("rounds", rounds.size());
        Map<String, Object> metricsJson = new LinkedHashMap<>();
        metrics.forEach((k, c) -> metricsJson.put(k, metric(c)));
        m.put("metrics", metricsJson);
        if (gate != null) m.put("gate", gateJson(gate));
        List<Object> runs = new ArrayList<>();
        for (AbRound r : rounds) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("round", r.index());
            o.put("seed", r.seed());
            o.put("workload", r.workload());
            o.put("baseline_run_id", r.baseline().runId());
            o.put("candidate_run_id", r.candidate().runId());
            runs.add(o);
        }
        m.put("runs", runs);
        return m;
    }

    private static Map<String, Object> metric(MetricComparison c) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("baseline", finite(c.baseline()));
        o.put("candidate", finite(c.candidate()));
        o.put("difference", finite(c.difference()));
        o.put("ci_low", finite(c.ciLow()));
        o.put("ci_high", finite(c.ciHigh()));
        o.put("p_value", finite(c.pValue()));
        o.put("verdict", c.verdict().label());
        o.put("difference_pct", finite(c.differencePct()));
        o.put("p_adjusted", finite(c.pAdjusted()));
        return o;
    }

    static Map<String, Object> gateJson(GateOutcome gate) {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("passed", gate.passed());
        List<Object> failed = new ArrayList<>();
        for (RuleCheck rc : gate.failed()) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("rule", rc.metric());
            f.put("message", rc.message());
            f.put("rounds", rc.brokenRounds());
            failed.add(f);
        }
        g.put("failed_rules", failed);
        return g;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
