package dev.servelab.hw.perf;

import dev.servelab.hw.perf.profile.ProfilePoint;
import dev.servelab.hw.perf.profile.Profile;
import dev.servelab.hw.perf.operator.Operator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Predicted versus measured time of every operator in a profile, predicted by a
 * {@link PerformanceModel}'s calibrated roofline alone (profile interpolation off, so the table
 * measures the model, not a lookup), with the median and 90th-percentile absolute relative error
 * over the operators that take at least {@code thresholdMs}.
 */
public record FidelityReport(List<Row> rows, double thresholdMs, double medianAbsError, double p90AbsError, int counted) {

    /** One operator: measured and predicted ms and the signed relative error (predicted / measured - 1). */
    public record Row(String op, String shape, double measuredMs, double predictedMs) {
        public double error() {
            return predictedMs / measuredMs - 1;
        }
    }

    public static FidelityReport of(PerformanceModel model, Profile profile, double thresholdMs) {
        PerformanceModel roofline = model.rooflineOnly();
        List<Row> rows = new ArrayList<>();
        for (ProfilePoint p : profile.points()) {
            Operator op;
            try {
                op = Operator.parse(p.op());
            } catch (IllegalArgumentException e) {
                continue;
            }
            double ns = roofline.operatorNanos(op, p.tokens(), p.batch(), p.context());
            rows.add(new Row(p.op(), p.shape(), p.ms(), ns / 1e6));
        }
        double[] errs = rows.stream().filter(r -> r.measuredMs() >= thresholdMs)
                .mapToDouble(r -> Math.abs(r.error())).sorted().toArray();
        return new FidelityReport(rows, thresholdMs, percentile(errs, 50), percentile(errs, 90), errs.length);
    }

    /** Linear-interpolated percentile (numpy's default) of sorted values; NaN when empty. */
    static double percentile(double[] sorted, double pct) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double pos = pct / 100 * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }

    /** The worst row among counted operators. */
    public Row worst() {
        return rows.stream().filter(r -> r.measuredMs() >= thresholdMs)
                .max((a, b) -> Double.compare(Math.abs(a.error()), Math.abs(b.error()))).orElse(null);
    }

    /** A Markdown table of all rows and a summary line. */
    public String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("| operator | shape | measured ms | predicted ms | error |\n|---|---|---:|---:|---:|\n");
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "| %s | %s | %.4f | %.4f | %+.1f %%%s |%n", r.op(), r.shape(),
                    r.measuredMs(), r.predictedMs(), 100 * r.error(), r.measuredMs() >= thresholdMs ? "" : " (<" + thresholdMs + " ms)"));
        }
        sb.append(summary()).append('\n');
        return sb.toString();
    }

    public String summary() {
        return String.format(Locale.ROOT, "Over the %d operators taking >= %.2f ms: median |error| %.1f %%, p90 |error| %.1f %%.",
                counted, thresholdMs, 100 * medianAbsError, 100 * p90AbsError);
    }
}
