package dev.servelab.hw.perf.profile;

import dev.servelab.hw.perf.operator.Operator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Measured operator times, interpolated. Token-indexed operators are interpolated piecewise
 * linearly in log(tokens)-log(time) between the two nearest measured sizes; decode attention
 * bilinearly in log(batch), log(context), log(time) over the measured grid. Outside the measured
 * range every lookup returns NaN, and the caller falls back to the calibrated roofline: the table
 * never extrapolates. Lookups do not allocate.
 */
public final class ProfileTable {
    private final Map<Operator, double[][]> series = new EnumMap<>(Operator.class);
    private final double[] decodeLogBatch;
    private final double[] decodeLogContext;
    private final double[][] decodeLogNanos;
    private final Profile profile;

    public ProfileTable(Profile profile) {
        this.profile = profile;
        Map<Operator, TreeMap<Integer, Double>> byOp = new EnumMap<>(Operator.class);
        TreeMap<Integer, TreeMap<Integer, Double>> decode = new TreeMap<>();
        for (ProfilePoint p : profile.points()) {
            Operator op;
            try {
                op = Operator.parse(p.op());
            } catch (IllegalArgumentException e) {
                continue; // an operator this model does not time: kept in the profile, not interpolated
            }
            if (op == Operator.ATTN_DECODE) {
                decode.computeIfAbsent(p.batch(), b -> new TreeMap<>()).put(p.context(), p.ms() * 1e6);
            } else if (p.context() == 0) {
                byOp.computeIfAbsent(op, o -> new TreeMap<>()).put(p.tokens(), p.ms() * 1e6);
            }
        }
        byOp.forEach((op, m) -> series.put(op, logPairs(m)));
        TreeSet<Integer> contexts = new TreeSet<>();
        decode.values().forEach(m -> contexts.addAll(m.keySet()));
        decodeLogBatch = decode.keySet().stream().mapToDouble(Math::log).toArray();
        decodeLogContext = contexts.stream().mapToDouble(Math::log).toArray();
        decodeLogNanos = new double[decodeLogBatch.length][decodeLogContext.length];
        List<Integer> cs = new ArrayList<>(contexts);
        int i = 0;
        for (TreeMap<Integer, Double> row : decode.values()) {
            for (int j = 0; j < cs.size(); j++) {
                Double v = row.get(cs.get(j));
                decodeLogNanos[i][j] = v == null ? Double.NaN : Math.log(v);
            }
            i++;
        }
    }

    public Profile profile() {
        return profile;
    }

    public boolean covers(Operator op) {
        return op == Operator.ATTN_DECODE ? decodeLogBatch.length > 0 : series.containsKey(op);
    }

    /** Interpolated time in ns of {@code op} over {@code tokens} rows, or NaN outside the measured range. */
    public double tokenNanos(Operator op, double tokens) {
        double[][] s = series.get(op);
        if (s == null || tokens <= 0) {
            return Double.NaN;
        }
        return Math.exp(interpolate(s[0], s[1], Math.log(tokens)));
    }

    /** Interpolated decode attention time in ns for {@code batch} sequences of mean context {@code context}. */
    public double decodeNanos(double batch, double context) {
        if (decodeLogBatch.length == 0 || batch <= 0 || context <= 0) {
            return Double.NaN;
        }
        double lb = Math.log(batch);
        double lc = Math.log(context);
        int i = bracket(decodeLogBatch, lb);
        int j = bracket(decodeLogContext, lc);
        if (i < 0 || j < 0) {
            return Double.NaN;
        }
        int i1 = Math.min(i + 1, decodeLogBatch.length - 1);
        int j1 = Math.min(j + 1, decodeLogContext.length - 1);
        double tb = fraction(decodeLogBatch, i, i1, lb);
        double tc = fraction(decodeLogContext, j, j1, lc);
        double low = lerp(decodeLogNanos[i][j], decodeLogNanos[i][j1], tc);
        double high = lerp(decodeLogNanos[i1][j], decodeLogNanos[i1][j1], tc);
        return Math.exp(lerp(low, high, tb));
    }

    private static double[][] logPairs(TreeMap<Integer, Double> m) {
        double[] x = new double[m.size()];
        double[] y = new double[m.size()];
        int i = 0;
        for (Map.Entry<Integer, Double> e : m.entrySet()) {
            x[i] = Math.log(e.getKey());
            y[i++] = Math.log(e.getValue());
        }
        return new double[][] {x, y};
    }

    private static double interpolate(double[] x, double[] y, double at) {
        int i = bracket(x, at);
        if (i < 0) {
            return Double.NaN;
        }
        int i1 = Math.min(i + 1, x.length - 1);
        return lerp(y[i], y[i1], fraction(x, i, i1, at));
    }

    /** Index of the last grid value <= at, or -1 when {@code at} lies outside the grid. */
    private static int bracket(double[] x, double at) {
        double eps = 1e-12;
        if (x.length == 0 || at < x[0] - eps || at > x[x.length - 1] + eps) {
            return -1;
        }
        int k = Arrays.binarySearch(x, at);
        if (k >= 0) {
            return k;
        }
        return Math.max(0, -k - 2);
    }

    private static double fraction(double[] x, int i, int i1, double at) {
        return i1 == i ? 0.0 : Math.min(1.0, Math.max(0.0, (at - x[i]) / (x[i1] - x[i])));
    }

    private static double lerp(double a, double b, double t) {
        return t == 0 ? a : a + (b - a) * t;
    }
}
