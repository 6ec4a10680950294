package dev.servelab.plugins.trace;

import dev.servelab.engine.workload.TraceLines;

/** Parses one field of a trace row, turning bad values into {@code file:line: reason} errors. */
record FieldParser(TraceLines lines) {

    /** Splits a CSV row that must have at least {@code width} fields (no quoting in these formats). */
    String[] split(String line, int width) {
        String[] f = line.split(",", -1);
        if (f.length < width) throw lines.error("expected " + width + " comma-separated fields, found " + f.length);
        return f;
    }

    int tokens(String s, String column, int min) {
        String t = s.trim();
        try {
            int v = Integer.parseInt(t.endsWith(".0") ? t.substring(0, t.length() - 2) : t);
            if (v < min) throw lines.error(column + " must be >= " + min + ", was " + v);
            return v;
        } catch (NumberFormatException e) {
            throw lines.error(column + " '" + s + "' is not an integer");
        }
    }

    double number(String s, String column) {
        try {
            double v = Double.parseDouble(s.trim());
            if (!Double.isFinite(v) || v < 0) throw lines.error(column + " must be a finite number >= 0, was " + s.trim());
            return v;
        } catch (NumberFormatException e) {
            throw lines.error(column + " '" + s + "' is not a number");
        }
    }

    /** Seconds (a decimal number) as nanoseconds. */
    long secondsAsNanos(String s, String column) {
        double seconds = number(s, column);
        if (!(seconds * 1e9 < ArrivalClock.MAX_SPAN_NANOS)) {
            throw lines.error(column + " " + s.trim() + " is too large: at most " + ArrivalClock.MAX_SPAN_NANOS / 1_000_000_000L
                    + " s (" + ArrivalClock.MAX_SPAN_YEARS + " years)");
        }
        return Math.round(seconds * 1e9);
    }
}
