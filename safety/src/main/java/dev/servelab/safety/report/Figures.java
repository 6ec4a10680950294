package dev.servelab.safety.report;

import java.util.Locale;

/** Number formatting shared by the reports: four significant digits, "–" for a missing value. */
final class Figures {
    private Figures() {
    }

    static String num(double v) {
        if (!Double.isFinite(v)) return "–";
        if (v == Math.rint(v) && Math.abs(v) < 1e9) return String.format(Locale.ROOT, "%d", (long) v);
        double a = Math.abs(v);
        if (a >= 1000) return String.format(Locale.ROOT, "%.1f", v);
        if (a >= 1) return String.format(Locale.ROOT, "%.3f", v);
        return String.format(Locale.ROOT, "%.4g", v);
    }

    static String signed(double v) {
        String s = num(v);
        return Double.isFinite(v) && v > 0 ? "+" + s : s;
    }

    static String pct(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%+.1f %%", v) : "–";
    }

    static String p(double v) {
        if (!Double.isFinite(v)) return "–";
        return v < 0.001 ? String.format(Locale.ROOT, "%.1e", v) : String.format(Locale.ROOT, "%.3f", v);
    }
}
