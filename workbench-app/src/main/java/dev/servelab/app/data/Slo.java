package dev.servelab.app.data;

import com.fasterxml.jackson.databind.JsonNode;

/** A run's service-level objectives in ms (NaN where not set), read from its stored pipeline. */
public record Slo(double ttftMs, double tpotMs, double e2elMs) {
    public static final Slo NONE = new Slo(Double.NaN, Double.NaN, Double.NaN);

    public static Slo of(JsonNode pipeline) {
        JsonNode s = pipeline == null ? null : pipeline.get("slo");
        if (s == null || !s.isObject()) return NONE;
        return new Slo(num(s, "ttft_ms"), num(s, "tpot_ms"), num(s, "e2el_ms"));
    }

    private static double num(JsonNode s, String key) {
        JsonNode v = s.get(key);
        return v != null && v.isNumber() ? v.asDouble() : Double.NaN;
    }

    /** True when at least one objective is set. */
    public boolean any() {
        return !Double.isNaN(ttftMs) || !Double.isNaN(tpotMs) || !Double.isNaN(e2elMs);
    }

    /** The objectives that are set, e.g. {@code TTFT ≤ 500 ms, TPOT ≤ 50 ms}; "none" when none is. */
    public String describe() {
        java.util.List<String> parts = new java.util.ArrayList<>();
        if (!Double.isNaN(ttftMs)) parts.add("TTFT ≤ " + trim(ttftMs) + " ms");
        if (!Double.isNaN(tpotMs)) parts.add("TPOT ≤ " + trim(tpotMs) + " ms");
        if (!Double.isNaN(e2elMs)) parts.add("E2EL ≤ " + trim(e2elMs) + " ms");
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** True when the request meets every objective that is set. */
    public boolean good(double ttft, double tpot, double e2el) {
        return ok(ttft, ttftMs) && (Double.isNaN(tpot) || ok(tpot, tpotMs)) && ok(e2el, e2elMs);
    }

    private static boolean ok(double v, double limit) {
        return Double.isNaN(limit) || v <= limit;
    }
}
