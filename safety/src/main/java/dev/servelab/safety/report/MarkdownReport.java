package dev.servelab.safety.report;

import dev.servelab.plugins.rollout.RuleCheck;
import dev.servelab.safety.ab.AbResult;
import dev.servelab.safety.ab.AbRound;
import dev.servelab.safety.stats.MetricComparison;

import java.util.List;

/** An A/B comparison as Markdown: verdict table, gate, per-round runs, and how the figures were computed. */
public final class MarkdownReport {
    /** Metrics shown per round (the round table would be unreadable with all of them). */
    static final List<String> ROUND_METRICS = List.of("p99_ttft_ms", "mean_tpot_ms", "p99_e2el_ms", "request_goodput");

    private MarkdownReport() {
    }

    public static String write(AbResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append("# A/B comparison ").append(r.comparisonId()).append(": ").append(r.candidateName())
                .append(" vs ").append(r.baselineName()).append("\n\n");
        sb.append(r.rounds().size()).append(" paired rounds. Difference = candidate − baseline (mean of the paired"
                + " differences), 95 % bootstrap interval over rounds (expanded percentile, seeded), two-sided Wilcoxon signed-rank p-value,"
                + " Benjamini–Hochberg adjusted across the metrics; a verdict needs adjusted p < 0.05 and an interval"
                + " that excludes 0.\n\n");
        sb.append("| metric | baseline | candidate | difference | 95 % CI | change | p | p adj. | verdict |\n");
        sb.append("|---|---:|---:|---:|---|---:|---:|---:|---|\n");
        for (MetricComparison c : r.metrics().values()) {
            sb.append("| ").append(c.metric()).append(" | ").append(Figures.num(c.baseline())).append(" | ")
                    .append(Figures.num(c.candidate())).append(" | ").append(Figures.signed(c.difference())).append(" | [")
                    .append(Figures.num(c.ciLow())).append(", ").append(Figures.num(c.ciHigh())).append("] | ")
                    .append(Figures.pct(c.differencePct())).append(" | ").append(Figures.p(c.pValue())).append(" | ")
                    .append(Figures.p(c.pAdjusted())).append(" | ").append(mark(c)).append(" |\n");
        }
        if (r.gate() != null) {
            sb.append("\n## Gate: ").append(r.gate().passed() ? "passed" : "FAILED").append("\n\n");
            for (RuleCheck rc : r.gate().checks()) {
                sb.append("- ").append(rc.passed() ? "✅ " : "❌ ").append(rc.message()).append('\n');
            }
        }
        sb.append("\n## Rounds\n\n| round | seed | workload | baseline run | candidate run |");
        ROUND_METRICS.forEach(m -> sb.append(' ').append(m).append(" (b → c) |"));
        sb.append("\n|---:|---:|---|---:|---:|").append("---|".repeat(ROUND_METRICS.size())).append('\n');
        for (AbRound round : r.rounds()) {
            sb.append("| ").append(round.index()).append(" | ").append(round.seed()).append(" | ").append(round.workload())
                    .append(" | ").append(round.baseline().runId()).append(" | ").append(round.candidate().runId()).append(" |");
            for (String m : ROUND_METRICS) {
                sb.append(' ').append(Figures.num(round.baseline().figure(m))).append(" → ")
                        .append(Figures.num(round.candidate().figure(m))).append(" |");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String mark(MetricComparison c) {
        return switch (c.verdict()) {
            case BETTER -> "**better**";
            case WORSE -> "**worse**";
            case NO_SIGNIFICANT_DIFFERENCE -> "no significant difference";
        };
    }
}
