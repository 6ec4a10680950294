package dev.servelab.plugins.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import dev.servelab.engine.ServeLabException;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * One rule of a gate ({@code GATE.yaml}, or the {@code gate} setting of {@code route.canary}): a metric
 * may get worse by at most {@code max_worse_pct} percent and/or {@code max_worse} (its own unit;
 * {@code max_worse_ms} is the same key for millisecond metrics) — when both are set a round fails only
 * when it is worse by more than both, as in "10 % and 100 ms slower" — and must stay within
 * {@code min}/{@code max}. Without {@code in_rounds} the rule is checked once, on the means over all
 * rounds; with {@code in_rounds: "k/n"} it is checked per paired round and fails when at least
 * {@code ceil(k/n · rounds)} rounds break it (exactly k of n when n rounds ran), the shape of the
 * prediction-regression gate that fails a change "more than 10 % and 100 ms slower in at least 4 of 5
 * paired rounds". "Worse" follows the metric's direction: up for latencies, down for goodput.
 */
public record GateRule(String metric, Double maxWorsePct, Double maxWorse, int inRoundsK, int inRoundsN, Double min,
                       Double max) {
    private static final List<String> KEYS = List.of("max_worse_pct", "max_worse", "max_worse_ms", "in_rounds", "min", "max");

    public GateRule {
        if (maxWorsePct == null && maxWorse == null && min == null && max == null) {
            throw new ServeLabException(metric + ": a rule needs max_worse_pct, max_worse(_ms), min or max");
        }
    }

    /** Whether the rule is checked per round ({@code in_rounds} set) rather than on the means. */
    public boolean perRound() {
        return inRoundsN > 0;
    }

    /** Reads the rule {@code metric: {...}} found at {@code where} (a file name or node path, for messages). */
    public static GateRule parse(String metric, JsonNode body, String where) {
        String at = where + ": " + metric;
        if (body == null || !body.isObject()) throw new ServeLabException(at + ": expected a mapping such as {max_worse_pct: 10}");
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!KEYS.contains(k)) throw new ServeLabException(at + "." + k + ": unknown rule key (known: " + String.join(", ", KEYS) + ")");
        }
        if (body.has("max_worse") && body.has("max_worse_ms")) {
            throw new ServeLabException(at + ": give max_worse or max_worse_ms, not both");
        }
        Double pct = number(body, "max_worse_pct", at, true);
        Double abs = body.has("max_worse_ms") ? number(body, "max_worse_ms", at, true) : number(body, "max_worse", at, true);
        int[] kn = rounds(body.get("in_rounds"), at);
        if (kn[1] > 0 && pct == null && abs == null) {
            throw new ServeLabException(at + ".in_rounds: needs max_worse_pct or max_worse(_ms) to count rounds against");
        }
        return new GateRule(metric, pct, abs, kn[0], kn[1], number(body, "min", at, false), number(body, "max", at, false));
    }

    private static Double number(JsonNode body, String key, String at, boolean nonNegative) {
        JsonNode v = body.get(key);
        if (v == null || v.isNull()) return null;
        if (!v.isNumber()) throw new ServeLabException(at + "." + key + ": expected a number, found " + v);
        if (nonNegative && v.asDouble() < 0) throw new ServeLabException(at + "." + key + ": must be >= 0, was " + v);
        return v.asDouble();
    }

    private static int[] rounds(JsonNode v, String at) {
        if (v == null || v.isNull()) return new int[]{0, 0};
        String s = v.asText().strip();
        String[] parts = s.split("/");
        try {
            if (parts.length == 2) {
                int k = Integer.parseInt(parts[0].strip());
                int n = Integer.parseInt(parts[1].strip());
                if (k >= 1 && n >= k) return new int[]{k, n};
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ServeLabException(at + ".in_rounds: expected \"k/n\" with 1 <= k <= n, found " + v);
    }

    /** Rounds that must break the rule for it to fail, out of {@code rounds}. */
    public int roundsToFail(int rounds) {
        return (int) Math.ceil((double) inRoundsK * rounds / inRoundsN - 1e-9);
    }

    /**
     * Checks the rule on paired figures ({@code baseline[i]} and {@code candidate[i]} from round i), where
     * {@code lowerIsBetter} gives the metric's direction and {@code unit} its unit for the message.
     */
    public RuleCheck check(double[] baseline, double[] candidate, boolean lowerIsBetter, String unit) {
        if (perRound()) return checkRounds(baseline, candidate, lowerIsBetter, unit);
        double b = mean(baseline);
        double c = mean(candidate);
        String why = breach(b, c, lowerIsBetter, unit);
        String figures = String.format(Locale.ROOT, "candidate %s vs baseline %s (%s)", fmt(c, unit), fmt(b, unit), change(b, c, unit))
                + (baseline.length > 1 ? " on the mean of " + baseline.length + " rounds" : "");
        return why == null ? RuleCheck.passed(metric, figures)
                : RuleCheck.failed(metric, metric + ": " + why + ": " + figures, List.of());
    }

    private RuleCheck checkRounds(double[] baseline, double[] candidate, boolean lowerIsBetter, String unit) {
        List<Integer> broken = new ArrayList<>();
        StringBuilder detail = new StringBuilder();
        for (int i = 0; i < baseline.length; i++) {
            if (breach(baseline[i], candidate[i], lowerIsBetter, unit) == null) continue;
            broken.add(i + 1);
            if (!detail.isEmpty()) detail.append("; ");
            detail.append(String.format(Locale.ROOT, "round %d: %s vs %s (%s)", i + 1, fmt(candidate[i], unit),
                    fmt(baseline[i], unit), change(baseline[i], candidate[i], unit)));
        }
        int needed = roundsToFail(baseline.length);
        String summary = String.format(Locale.ROOT, "%s in %d of %d rounds (fails at %d, in_rounds %d/%d)",
                limits(unit), broken.size(), baseline.length, needed, inRoundsK, inRoundsN);
        if (broken.size() < needed) return RuleCheck.passed(metric, summary);
        return RuleCheck.failed(metric, metric + ": " + summary + ": " + detail, broken);
    }

    /** Why the candidate figure breaks the rule against the baseline figure, or null when it holds. */
    private String breach(double b, double c, boolean lowerIsBetter, String unit) {
        if (min != null && c < min) return String.format(Locale.ROOT, "below min %s", fmt(min, unit));
        if (max != null && c > max) return String.format(Locale.ROOT, "above max %s", fmt(max, unit));
        if (maxWorsePct == null && maxWorse == null) return null;
        double worse = lowerIsBetter ? c - b : b - c;
        double worsePct = b == 0 ? (worse > 0 ? Double.POSITIVE_INFINITY : 0) : 100 * worse / Math.abs(b);
        boolean pctBroken = maxWorsePct == null || worsePct > maxWorsePct;
        boolean absBroken = maxWorse == null || worse > maxWorse;
        return pctBroken && absBroken ? limits(unit) : null;
    }

    private String limits(String unit) {
        List<String> parts = new ArrayList<>();
        if (maxWorsePct != null) parts.add(String.format(Locale.ROOT, "%s %%", num(maxWorsePct)));
        if (maxWorse != null) parts.add(fmt(maxWorse, unit));
        String worse = parts.isEmpty() ? "" : "worse by more than " + String.join(" and ", parts);
        List<String> bounds = new ArrayList<>();
        if (min != null) bounds.add("below min " + fmt(min, unit));
        if (max != null) bounds.add("above max " + fmt(max, unit));
        if (!bounds.isEmpty()) worse = worse.isEmpty() ? String.join(" or ", bounds) : worse + " or " + String.join(" or ", bounds);
        return worse;
    }

    private static String change(double b, double c, String unit) {
        double d = c - b;
        String pct = b == 0 ? "n/a" : String.format(Locale.ROOT, "%+.1f %%", 100 * d / Math.abs(b));
        return pct + ", " + (d >= 0 ? "+" : "") + fmt(d, unit);
    }

    private static String fmt(double v, String unit) {
        return unit == null || unit.isEmpty() ? num(v) : num(v) + " " + unit;
    }

    private static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.format(Locale.ROOT, "%d", (long) v);
        if (Math.abs(v) >= 100) return String.format(Locale.ROOT, "%.1f", v);
        return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }

    private static double mean(double[] xs) {
        double s = 0;
        for (double x : xs) s += x;
        return xs.length == 0 ? Double.NaN : s / xs.length;
    }
}
