package dev.servelab.plugins.tracecli;

import dev.servelab.plugins.traceprofile.LengthSummary;
import dev.servelab.plugins.traceprofile.TraceStats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A trace's statistics next to those of the generator fitted to it, with relative errors. */
public record FitComparison(TraceStats trace, TraceStats fitted) {
    /** One compared quantity. */
    public record Row(String name, double trace, double fitted) {
        public double relativeError() {
            return trace == 0 ? 0 : (fitted - trace) / trace;
        }
    }

    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("mean rate (req/s)", trace.meanRatePerS(), fitted.meanRatePerS()));
        rows.add(new Row("inter-arrival CV", trace.interarrivalCv(), fitted.interarrivalCv()));
        lengths(rows, "input", trace.input(), fitted.input());
        lengths(rows, "output", trace.output(), fitted.output());
        return rows;
    }

    private static void lengths(List<Row> rows, String what, LengthSummary t, LengthSummary f) {
        rows.add(new Row(what + " mean", t.mean(), f.mean()));
        rows.add(new Row(what + " p50", t.p50(), f.p50()));
        rows.add(new Row(what + " p90", t.p90(), f.p90()));
        rows.add(new Row(what + " p99", t.p99(), f.p99()));
    }

    public String table() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-18s %12s %12s %9s%n", "", "trace", "fitted", "error"));
        for (Row r : rows()) {
            b.append(String.format(Locale.ROOT, "%-18s %12.2f %12.2f %+8.1f%%%n", r.name(), r.trace(), r.fitted(), 100 * r.relativeError()));
        }
        return b.toString();
    }
}
