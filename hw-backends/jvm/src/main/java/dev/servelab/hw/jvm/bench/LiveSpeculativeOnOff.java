package dev.servelab.hw.jvm.bench;

import dev.servelab.engine.pipeline.PipelineLoader;
import dev.servelab.engine.pipeline.PipelineSpec;
import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.engine.run.PipelineRun;
import dev.servelab.engine.run.RunOutcome;
import dev.servelab.engine.store.RunStore;
import dev.servelab.engine.workload.WorkloadFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A live speculative pipeline run with speculative decoding on and off ({@code pools.N.speculative=null}),
 * alternating in one JVM (one unmeasured warm-up pair first, so the JIT has compiled both paths), into a
 * temporary store; prints each run's TPOT, ITL, TTFT and E2EL means, the load average, and the medians.
 *
 * <p>Arguments: {@code PIPELINE [pairs=3]}.
 */
public final class LiveSpeculativeOnOff {
    private static final List<String> METRICS = List.of("mean_tpot_ms", "mean_itl_ms", "mean_ttft_ms", "mean_e2el_ms");

    private LiveSpeculativeOnOff() {
    }

    public static void main(String[] args) throws Exception {
        Path pipeline = Path.of(args[0]);
        int pairs = args.length > 1 ? Integer.parseInt(args[1].substring(args[1].indexOf('=') + 1)) : 3;
        PluginRegistry registry = PluginRegistry.load();
        Path db = Files.createTempFile("servelab-onoff-", ".db");
        List<double[]> on = new ArrayList<>(), off = new ArrayList<>();
        try (RunStore store = RunStore.open(db)) {
            for (int r = -1; r < pairs; r++) {
                for (boolean speculative : new boolean[] {true, false}) {
                    String load = Files.readString(Path.of("/proc/loadavg")).strip();
                    PipelineSpec p = PipelineLoader.load(pipeline, speculative ? List.of() : List.of("pools.0.speculative=null"));
                    RunOutcome o = PipelineRun.live(p, registry, WorkloadFactory.open(registry, p.workload(), p.seed(), 0,
                            p.baseDir()), "on-off", 0, store, 1.0).run("live", null);
                    double[] m = METRICS.stream().mapToDouble(k -> value(o.summary(), k)).toArray();
                    System.out.printf(Locale.ROOT, "%s %s: %s  load %s%n", r < 0 ? "warm-up" : "run " + (r + 1),
                            speculative ? "on " : "off", format(m), load);
                    if (r >= 0) (speculative ? on : off).add(m);
                }
            }
        } finally {
            for (String suffix : List.of("", "-wal", "-shm")) Files.deleteIfExists(Path.of(db + suffix));
        }
        System.out.printf(Locale.ROOT, "median on:  %s%nmedian off: %s%n", format(median(on)), format(median(off)));
    }

    private static double value(Map<String, ?> summary, String key) {
        return summary.get(key) instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private static double[] median(List<double[]> runs) {
        double[] out = new double[METRICS.size()];
        for (int i = 0; i < out.length; i++) {
            final int k = i;
            double[] v = runs.stream().mapToDouble(m -> m[k]).sorted().toArray();
            out[i] = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        }
        return out;
    }

    private static String format(double[] m) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < m.length; i++) b.append(String.format(Locale.ROOT, "%s=%.2f ", METRICS.get(i), m[i]));
        return b.toString().strip();
    }
}
