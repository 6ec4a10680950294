package dev.servelab.safety.report;

import dev.servelab.plugins.rollout.RuleCheck;
import dev.servelab.safety.ab.AbResult;
import dev.servelab.safety.ab.AbRound;
import dev.servelab.safety.stats.MetricComparison;

import java.util.Locale;

/**
 * An A/B comparison as one self-contained HTML page: a forest plot (per metric the difference relative
 * to the baseline with its 95 % interval, red when worse, green when better, grey otherwise), the
 * table of figures, the gate and the per-round runs. No script, no external resource.
 */
public final class HtmlReport {
    private static final int ROW_PX = 18;
    private static final int LABEL_PX = 190;
    private static final int PLOT_PX = 420;
    /** The axis reaches at most ±50 %; larger changes are drawn at the edge (the exact figure is beside them). */
    private static final double MAX_SPAN_PCT = 50;

    private HtmlReport() {
    }

    public static String write(AbResult r) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>A/B comparison ")
                .append(r.comparisonId()).append("</title><style>body{font-family:sans-serif;margin:2em}"
                        + "table{border-collapse:collapse}td,th{padding:2px 8px;border-bottom:1px solid #ddd;text-align:right}"
                        + "td:first-child,th:first-child{text-align:left}.worse{color:#c62828}.better{color:#2e7d32}"
                        + "</style></head><body>\n");
        sb.append("<h1>A/B comparison ").append(r.comparisonId()).append(": ").append(esc(r.candidateName())).append(" vs ")
                .append(esc(r.baselineName())).append("</h1>\n<p>").append(r.rounds().size())
                .append(" paired rounds; difference relative to the baseline with its 95 % bootstrap interval over rounds.</p>\n");
        forest(sb, r);
        table(sb, r);
        if (r.gate() != null) {
            sb.append("<h2>Gate: ").append(r.gate().passed() ? "passed" : "<span class=\"worse\">FAILED</span>").append("</h2><ul>\n");
            for (RuleCheck rc : r.gate().checks()) {
                sb.append("<li class=\"").append(rc.passed() ? "better" : "worse").append("\">").append(esc(rc.message())).append("</li>\n");
            }
            sb.append("</ul>\n");
        }
        sb.append("<h2>Rounds</h2><table><tr><th>round</th><th>seed</th><th>workload</th><th>baseline run</th><th>candidate run</th></tr>\n");
        for (AbRound round : r.rounds()) {
            sb.append("<tr><td>").append(round.index()).append("</td><td>").append(round.seed()).append("</td><td>")
                    .append(esc(round.workload())).append("</td><td>").append(round.baseline().runId()).append("</td><td>")
                    .append(round.candidate().runId()).append("</td></tr>\n");
        }
        return sb.append("</table></body></html>\n").toString();
    }

    private static void forest(StringBuilder sb, AbResult r) {
        double span = 1;
        for (MetricComparison c : r.metrics().values()) {
            span = Math.max(span, Math.max(Math.abs(rel(c, c.ciLow())), Math.abs(rel(c, c.ciHigh()))));
        }
        span = Math.min(span, MAX_SPAN_PCT);
        int h = ROW_PX * (r.metrics().size() + 1);
        int zero = LABEL_PX + PLOT_PX / 2;
        sb.append(String.format(Locale.ROOT, "<svg width=\"%d\" height=\"%d\" font-size=\"11\">", LABEL_PX + PLOT_PX + 80, h));
        sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"0\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>", zero, zero, h));
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text><text x=\"%d\" y=\"%d\">%s</text>",
                LABEL_PX, h - 3, Figures.pct(-span), LABEL_PX + PLOT_PX - 40, h - 3, Figures.pct(span)));
        int y = ROW_PX / 2;
        for (MetricComparison c : r.metrics().values()) {
            String colour = switch (c.verdict()) {
                case WORSE -> "#c62828";
                case BETTER -> "#2e7d32";
                case NO_SIGNIFICANT_DIFFERENCE -> "#757575";
            };
            double scale = PLOT_PX / 2.0 / span;
            double lo = zero + scale * clamp(rel(c, c.ciLow()), span);
            double hi = zero + scale * clamp(rel(c, c.ciHigh()), span);
            double mid = zero + scale * clamp(rel(c, c.difference()), span);
            sb.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\">%s</text>", y + 4, esc(c.metric())));
            if (Double.isFinite(lo) && Double.isFinite(hi)) {
                sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"/>"
                        + "<circle cx=\"%.1f\" cy=\"%d\" r=\"3.5\" fill=\"%s\"/>", lo, y, hi, y, colour, mid, y, colour));
            }
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"%s\">%s</text>", LABEL_PX + PLOT_PX + 4, y + 4,
                    colour, Figures.pct(c.differencePct())));
            y += ROW_PX;
        }
        sb.append("</svg>\n");
    }

    private static double clamp(double pct, double span) {
        return Math.max(-span, Math.min(span, pct));
    }

    /** A difference in percent of the baseline's mean (0 when the baseline is 0). */
    private static double rel(MetricComparison c, double v) {
        return c.baseline() == 0 || !Double.isFinite(v) ? 0 : 100 * v / Math.abs(c.baseline());
    }

    private static void table(StringBuilder sb, AbResult r) {
        sb.append("<h2>Metrics</h2><table><tr><th>metric</th><th>baseline</th><th>candidate</th><th>difference</th>"
                + "<th>95 % CI</th><th>change</th><th>p</th><th>p adj.</th><th>verdict</th></tr>\n");
        for (MetricComparison c : r.metrics().values()) {
            String cls = c.verdict().name().equals("WORSE") ? "worse" : c.verdict().name().equals("BETTER") ? "better" : "";
            sb.append("<tr><td>").append(esc(c.metric())).append("</td><td>").append(Figures.num(c.baseline())).append("</td><td>")
                    .append(Figures.num(c.candidate())).append("</td><td>").append(Figures.signed(c.difference())).append("</td><td>[")
                    .append(Figures.num(c.ciLow())).append(", ").append(Figures.num(c.ciHigh())).append("]</td><td>")
                    .append(Figures.pct(c.differencePct())).append("</td><td>").append(Figures.p(c.pValue())).append("</td><td>")
                    .append(Figures.p(c.pAdjusted())).append("</td><td class=\"").append(cls).append("\">")
                    .append(c.verdict().label()).append("</td></tr>\n");
        }
        sb.append("</table>\n");
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
