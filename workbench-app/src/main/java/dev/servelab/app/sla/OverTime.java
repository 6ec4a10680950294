package dev.servelab.app.sla;

import dev.servelab.engine.store.BucketTable;
import dev.servelab.app.data.Slo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Time series of a run: latency percentiles per window, throughput and goodput per bucket. */
public final class OverTime {
    private OverTime() {
    }

    /** p50/p90/p99 of {@code values} in windows of {@code windowS} seconds by finish time. */
    public static List<Curve> percentiles(String metric, double[] finishS, double[] values, double windowS) {
        if (finishS.length == 0) return List.of();
        double end = Arrays.stream(finishS).max().orElse(0);
        int w = Math.max(1, (int) Math.ceil(end / windowS));
        int[] start = new int[w + 1];
        int[] bin = new int[finishS.length];
        for (int i = 0; i < finishS.length; i++) {
            bin[i] = Double.isFinite(values[i]) ? Math.min(w - 1, (int) (finishS[i] / windowS)) : -1;
            if (bin[i] >= 0) start[bin[i] + 1]++;
        }
        for (int b = 0; b < w; b++) start[b + 1] += start[b];
        double[] sorted = new double[start[w]];
        int[] fill = Arrays.copyOf(start, w);
        for (int i = 0; i < finishS.length; i++) if (bin[i] >= 0) sorted[fill[bin[i]]++] = values[i];
        List<Curve> out = new ArrayList<>();
        for (double q : new double[]{50, 90, 99}) {
            double[] xs = new double[w], ys = new double[w];
            int k = 0;
            for (int b = 0; b < w; b++) {
                if (start[b] == start[b + 1]) continue;
                if (q == 50) Arrays.sort(sorted, start[b], start[b + 1]);
                double[] slice = Arrays.copyOfRange(sorted, start[b], start[b + 1]);
                xs[k] = (b + 0.5) * windowS;
                ys[k++] = Cdf.percentile(slice, q);
            }
            out.add(new Curve(metric + " p" + (int) q, Arrays.copyOf(xs, k), Arrays.copyOf(ys, k)));
        }
        return out;
    }

    /** Output and prefill tokens per second summed over replicas, per bucket. */
    public static List<Curve> throughput(BucketTable b) {
        double[] x = new double[b.buckets()], out = new double[b.buckets()], in = new double[b.buckets()];
        for (int k = 0; k < b.buckets(); k++) {
            x[k] = (k + 0.5) * b.bucketSeconds();
            for (int r = 0; r < b.replicas(); r++) {
                out[k] += b.decode()[r][k];
                in[k] += b.prefill()[r][k];
            }
            out[k] /= b.bucketSeconds();
            in[k] /= b.bucketSeconds();
        }
        return List.of(new Curve("output tok/s", x, out), new Curve("prefill tok/s", x, in));
    }

    /** Completions per second and, when an SLO is set, goodput (requests meeting every SLO per second), per window. */
    public static List<Curve> goodput(LatencySamples s, Slo slo, double windowS) {
        double end = Arrays.stream(s.finishSeconds()).max().orElse(0);
        int w = Math.max(1, (int) Math.ceil(end / windowS));
        double[] x = new double[w], good = new double[w], all = new double[w];
        for (int i = 0; i < w; i++) x[i] = (i + 0.5) * windowS;
        for (int i = 0; i < s.finishSeconds().length; i++) {
            int k = Math.min(w - 1, (int) (s.finishSeconds()[i] / windowS));
            all[k] += 1 / windowS;
            if (slo.good(s.ttft()[i], s.tpot()[i], s.e2el()[i])) good[k] += 1 / windowS;
        }
        if (!slo.any()) return List.of(new Curve("completed req/s", x, all));
        return List.of(new Curve("completed req/s", x, all), new Curve("goodput req/s", x, good));
    }

    /** The fraction of completed requests meeting every SLO that is set. */
    public static double attainment(LatencySamples s, Slo slo) {
        int n = s.ttft().length;
        if (n == 0) return Double.NaN;
        int good = 0;
        for (int i = 0; i < n; i++) if (slo.good(s.ttft()[i], s.tpot()[i], s.e2el()[i])) good++;
        return (double) good / n;
    }

    /** The name of the markers curve {@link #withEvents} adds (styled as dashed purple lines). */
    public static final String EVENTS = "cluster events";

    /**
     * {@code curves} plus, when the run has cluster events, one curve of vertical lines from 0 to the
     * curves' peak at each event's time (a single legend entry, whatever the number of events).
     */
    public static List<Curve> withEvents(List<Curve> curves, List<dev.servelab.engine.model.ClusterEvent> events) {
        if (events.isEmpty() || curves.isEmpty()) return curves;
        double top = 0;
        for (Curve c : curves) for (double y : c.y()) if (Double.isFinite(y)) top = Math.max(top, y);
        double[] x = new double[events.size() * 3], y = new double[x.length];
        for (int i = 0; i < events.size(); i++) {
            double t = events.get(i).atNanos() / 1e9;
            x[3 * i] = t;
            x[3 * i + 1] = t;
            x[3 * i + 2] = t;
            y[3 * i + 1] = top;
        }
        List<Curve> out = new ArrayList<>(curves);
        out.add(new Curve(EVENTS, x, y));
        return out;
    }
}
