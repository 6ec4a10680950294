package dev.servelab.hw.jvm.bench;

import dev.servelab.hw.jvm.GreedyDecoder;
import dev.servelab.hw.jvm.JvmLlamaExecutor;
import dev.servelab.hw.jvm.cpu.KernelRunner;
import dev.servelab.hw.jvm.cpu.MatmulPath;
import dev.servelab.hw.jvm.gguf.GgmlType;
import dev.servelab.hw.jvm.kv.KvBlockAllocator;
import dev.servelab.hw.jvm.kv.KvCacheSpec;
import dev.servelab.hw.jvm.tiny.TinyModelGenerator;
import dev.servelab.hw.jvm.tiny.TinyModelSize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Decode throughput of the JVM backend on the generated models at batch 1, 8 and 32, against this
 * machine's bounds: streaming-read bandwidth ({@link MemoryBandwidthBenchmark}) and peak FMA
 * throughput ({@link ComputePeakBenchmark}), each measured before every model and at the end, the
 * best kept. Each configuration: 16-token prompts prefilled in one iteration, at least three warm-up
 * runs and 3 s, then {@code repeats} timed runs of {@code steps} decode iterations; the median and
 * the best run are reported with the 1-minute load average before and after.
 *
 * <p>A step's bound is {@code max(bytes / bandwidth, FLOPs / peak)} with bytes = weights + the KV
 * cache read at the mean context length ({@link DecodeCost}); "% of bound" = bound / measured step time.
 * At batch 1 the bound is memory, so that is the fraction of the bandwidth.
 *
 * <p>Arguments (all optional): {@code sizes=tiny,100m types=f32,q8_0 batches=1,8,32 steps=32
 * repeats=3 dir=target/bench-models runners=spinning} ({@code runners=spinning,forkjoin} compares
 * kernel runners, their timed runs alternating).
 */
public final class DecodeBenchmark {
    private DecodeBenchmark() {
    }

    /** One measured configuration. */
    record Row(String size, String type, String runner, int batch, double[] tokensPerSecond, DecodeCost cost,
               String loadBefore, String loadAfter) {
        double median() {
            double[] s = tokensPerSecond.clone();
            Arrays.sort(s);
            return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
        }

        double best() {
            return Arrays.stream(tokensPerSecond).max().orElse(0);
        }

        String line(double bw, double peak) {
            double bound = cost.boundSeconds(bw, peak);
            double medStep = batch / median();
            double bestStep = batch / best();
            return String.format(Locale.ROOT, "| %s | %s | %s | %d | %.1f | %.1f | %.2f | %.1f | %.2f | %s | %.0f %% | %.0f %% | %s / %s |",
                    size, type, runner, batch, median(), best(), 1000 * medStep, cost.bytes() / 1e6, cost.flops() / 1e9,
                    cost.binding(bw, peak), 100 * bound / medStep, 100 * bound / bestStep, loadBefore, loadAfter);
        }
    }

    public static void main(String[] args) throws Exception {
        BenchArgs a = BenchArgs.parse(args);
        Files.createDirectories(a.dir());
        try (KernelRunner probeRunner = KernelRunner.forkJoin()) {
            double bandwidth = 0;
            double peak = 0;
            System.out.printf("# JVM %s, %d processors, matmul %s%n", Runtime.version(),
                    Runtime.getRuntime().availableProcessors(), MatmulPath.best().label());
            List<Row> rows = new ArrayList<>();
            for (String size : a.sizes()) {
                for (String type : a.types()) {
                    bandwidth = Math.max(bandwidth, probe(probeRunner, "before " + size + " " + type));
                    peak = Math.max(peak, peakProbe(probeRunner));
                    Path model = a.dir().resolve(size + "-" + type + ".gguf");
                    if (!Files.exists(model)) {
                        TinyModelGenerator.generate(model, 1, TinyModelSize.of(size),
                                GgmlType.valueOf(type.toUpperCase(Locale.ROOT)));
                    }
                    for (int batch : a.batches()) {
                        for (Row r : rows(model, size, type, batch, a)) {
                            rows.add(r);
                            System.out.println("# " + Arrays.toString(r.tokensPerSecond()) + " " + r.line(bandwidth, peak));
                        }
                    }
                }
            }
            bandwidth = Math.max(bandwidth, probe(probeRunner, "at the end"));
            peak = Math.max(peak, peakProbe(probeRunner));
            System.out.printf(Locale.ROOT, "%nstream-read bandwidth (best): %.2f GB/s; FMA peak (best): %.1f GFLOP/s%n%n",
                    bandwidth / 1e9, peak / 1e9);
            System.out.println("| model | weights | runner | batch | tok/s median | tok/s best | ms/step median"
                    + " | MB read/step | GFLOP/step | bound | % of bound, median | % of bound, best | load avg before / after |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
            for (Row r : rows) {
                System.out.println(r.line(bandwidth, peak));
            }
        }
    }

    private static double probe(KernelRunner runner, String when) {
        double bps = MemoryBandwidthBenchmark.measureBytesPerSecond(runner, 1L << 29, 20);
        System.out.printf(Locale.ROOT, "# stream-read bandwidth %s: %.2f GB/s (load %s)%n", when, bps / 1e9, loadAverage());
        return bps;
    }

    private static double peakProbe(KernelRunner runner) {
        double flops = ComputePeakBenchmark.measureFlopsPerSecond(runner, 20_000_000, 5);
        System.out.printf(Locale.ROOT, "# FMA peak: %.1f GFLOP/s%n", flops / 1e9);
        return flops;
    }

    /** The 1-minute load average from {@code /proc/loadavg}, or {@code ?}. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    /**
     * One row per runner; the runners' timed runs alternate, so a shared machine's load falls on
     * all of them alike.
     */
    private static List<Row> rows(Path model, String size, String type, int batch, BenchArgs a) throws Exception {
        KvCacheSpec kv = new KvCacheSpec(16, batch * ((16 + a.steps()) / 16 + 2));
        List<JvmLlamaExecutor> execs = new ArrayList<>();
        try {
            for (String runner : a.runners()) {
                execs.add(JvmLlamaExecutor.open(model, kv, KernelRunner.named(runner), MatmulPath.best()));
            }
            int[][] prompts = prompts(batch, execs.getFirst().config().vocabSize());
            List<GreedyDecoder> decoders = new ArrayList<>();
            for (JvmLlamaExecutor exec : execs) {
                GreedyDecoder decoder = new GreedyDecoder(exec, new KvBlockAllocator(kv.blockCount()));
                long warmUntil = System.nanoTime() + 3_000_000_000L; // warm-up: let C2 compile the kernels
                for (int w = 0; w < 3 || System.nanoTime() < warmUntil; w++) {
                    decoder.run(prompts, a.steps() + 1);
                }
                decoders.add(decoder);
            }
            String loadBefore = loadAverage();
            double[][] tps = new double[execs.size()][a.repeats()];
            for (int r = 0; r < a.repeats(); r++) {
                for (int i = 0; i < decoders.size(); i++) {
                    tps[i][r] = decoders.get(i).run(prompts, a.steps() + 1).decodeTokensPerSecond();
                }
            }
            String loadAfter = loadAverage();
            // decode steps attend to 17 .. 16 + steps positions
            double meanContext = 17 + (a.steps() - 1) / 2.0;
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < execs.size(); i++) {
                DecodeCost cost = DecodeCost.of(execs.get(i).config(), execs.get(i).weights().bytesReadPerStep(), batch,
                        meanContext);
                rows.add(new Row(size, type, a.runners().get(i), batch, tps[i], cost, loadBefore, loadAfter));
            }
            return rows;
        } finally {
            for (JvmLlamaExecutor exec : execs) {
                exec.close();
            }
        }
    }

    private static int[][] prompts(int batch, int vocab) {
        int[][] prompts = new int[batch][16];
        for (int s = 0; s < batch; s++) {
            for (int i = 0; i < 16; i++) {
                prompts[s][i] = (s * 31 + i * 7) % vocab;
            }
        }
        return prompts;
    }
}
