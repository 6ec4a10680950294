package dev.servelab.safety.ab;

import dev.servelab.plugins.rollout.Gate;
import dev.servelab.plugins.rollout.GateRule;
import dev.servelab.plugins.rollout.RuleCheck;
import dev.servelab.safety.stats.FalseDiscovery;
import dev.servelab.safety.stats.MetricComparison;
import dev.servelab.safety.stats.PairedBootstrap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * From paired rounds to per-metric comparisons and a gate outcome. A metric is compared when both
 * arms have it in every round (goodput and SLO attainment need an SLO, cost a priced device); the
 * signed-rank p-values of the compared metrics are then adjusted together (Benjamini–Hochberg).
 * The bootstrap's seed is fixed, so the same rounds always give the same intervals.
 */
public final class AbAnalysis {
    /** Seed of the bootstrap's generator (any fixed value: it only has to be the same every time). */
    public static final long BOOTSTRAP_SEED = 0x5AFE7EL;

    private AbAnalysis() {
    }

    public static Map<String, MetricComparison> compare(List<AbRound> rounds) {
        PairedBootstrap bootstrap = new PairedBootstrap(PairedBootstrap.DEFAULT_RESAMPLES, BOOTSTRAP_SEED);
        List<MetricComparison> raw = new ArrayList<>();
        for (ComparedMetric m : ComparedMetric.ALL) {
            double[] b = figures(rounds, m.key(), true);
            double[] c = figures(rounds, m.key(), false);
            if (b == null || c == null) continue;
            raw.add(MetricComparison.of(m.key(), m.lowerIsBetter(), b, c, bootstrap));
        }
        double[] p = raw.stream().mapToDouble(MetricComparison::pValue).toArray();
        double[] adjusted = FalseDiscovery.adjust(p);
        Map<String, MetricComparison> out = new LinkedHashMap<>();
        for (int i = 0; i < raw.size(); i++) out.put(raw.get(i).metric(), raw.get(i).adjusted(adjusted[i]));
        return out;
    }

    /** Checks every rule of {@code gate} on the rounds' paired figures. */
    public static GateOutcome check(Gate gate, List<AbRound> rounds) {
        List<RuleCheck> checks = new ArrayList<>();
        for (GateRule rule : gate.rules()) {
            ComparedMetric m = ComparedMetric.ofKey(rule.metric()).orElseThrow();
            double[] b = figures(rounds, m.key(), true);
            double[] c = figures(rounds, m.key(), false);
            if (b == null || c == null) {
                checks.add(new RuleCheck(rule.metric(), false, rule.metric() + ": the runs have no " + rule.metric()
                        + (m == ComparedMetric.SLO_ATTAINMENT || m.key().equals("request_goodput") ? " (the pipelines set no slo:)"
                        : m == ComparedMetric.COST_PER_MILLION_TOKENS ? " (a pool's hardware has no hourly price)" : ""), List.of()));
                continue;
            }
            checks.add(rule.check(b, c, m.lowerIsBetter(), m.unit()));
        }
        return new GateOutcome(checks);
    }

    /** One arm's figures of {@code key} in round order, or null when a round lacks it. */
    static double[] figures(List<AbRound> rounds, String key, boolean baseline) {
        double[] out = new double[rounds.size()];
        for (int i = 0; i < out.length; i++) {
            ArmRun arm = baseline ? rounds.get(i).baseline() : rounds.get(i).candidate();
            out[i] = arm.figure(key);
            if (Double.isNaN(out[i])) return null;
        }
        return out;
    }
}
