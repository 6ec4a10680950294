package dev.servelab.app.sla;

import dev.servelab.engine.store.RequestTable;
import dev.servelab.engine.store.TokenTable;

import java.util.Arrays;

/** The per-request latencies of a run in ms (TTFT, TPOT, E2EL) and every inter-token gap (ITL). */
public record LatencySamples(double[] ttft, double[] tpot, double[] e2el, double[] itl, double[] finishSeconds) {

    public static LatencySamples of(RequestTable r, TokenTable t) {
        int n = 0;
        for (int i = 0; i < r.size(); i++) if (r.completed(i)) n++;
        double[] ttft = new double[n], tpot = new double[n], e2el = new double[n], fin = new double[n];
        int k = 0;
        for (int i = 0; i < r.size(); i++) {
            if (!r.completed(i)) continue;
            ttft[k] = r.ttftMs(i);
            tpot[k] = r.tpotMs(i);
            e2el[k] = r.e2elMs(i);
            fin[k] = r.finish()[i] / 1e9;
            k++;
        }
        return new LatencySamples(ttft, tpot, e2el, itl(t), fin);
    }

    private static double[] itl(TokenTable t) {
        double[] out = new double[(int) Math.max(0, t.totalTokens() - t.rows())];
        int k = 0;
        for (int r = 0; r < t.rows(); r++) {
            for (int i = t.start()[r] + 1; i < t.start()[r + 1]; i++) out[k++] = (t.times()[i] - t.times()[i - 1]) / 1e6;
        }
        return k == out.length ? out : Arrays.copyOf(out, k);
    }
}
