package dev.servelab.hw.jvm.bench;

import dev.servelab.hw.jvm.GreedyDecoder;
import dev.servelab.hw.jvm.GreedyRun;
import dev.servelab.hw.jvm.JvmLlamaExecutor;
import dev.servelab.hw.jvm.cpu.KernelRunner;
import dev.servelab.hw.jvm.cpu.MatmulPath;
import dev.servelab.hw.jvm.gguf.GgmlType;
import dev.servelab.hw.jvm.kv.KvBlockAllocator;
import dev.servelab.hw.jvm.kv.KvCacheSpec;
import dev.servelab.hw.jvm.tiny.TinyModelGenerator;
import dev.servelab.hw.jvm.tiny.TinyModelSize;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Decode throughput of the JVM backend on the generated models at batch 1, 8 and 32, next to the
 * machine's streaming-read bandwidth. Each configuration: 16-token prompts prefilled in one
 * iteration, at least three warm-up runs and 3 s, then the best of {@code repeats} timed runs of {@code steps} decode
 * iterations. Batch-1 effective bandwidth = weight bytes read per step x steps per second.
 *
 * <p>Arguments (all optional): {@code sizes=tiny,100m types=f32,q8_0 batches=1,8,32 steps=32
 * repeats=3 dir=target/bench-models runners=spinning} ({@code runners=spinning,forkjoin} compares
 * kernel runners, their timed runs alternating).
 */
public final class DecodeBenchmark {
    private DecodeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchArgs a = BenchArgs.parse(args);
        Files.createDirectories(a.dir());
        try (KernelRunner bwRunner = KernelRunner.forkJoin()) {
            // the machine may be shared: bandwidth is measured before every model and the best is kept
            double bandwidth = 0;
            System.out.printf("# JVM %s, %d processors, matmul %s%n", Runtime.version(),
                    Runtime.getRuntime().availableProcessors(), MatmulPath.best().label());
            List<String> rows = new ArrayList<>();
            for (String size : a.sizes()) {
                for (String type : a.types()) {
                    double bps = MemoryBandwidthBenchmark.measureBytesPerSecond(bwRunner, 1L << 29, 20);
                    System.out.printf("# stream-read bandwidth before %s %s: %.2f GB/s%n", size, type, bps / 1e9);
                    bandwidth = Math.max(bandwidth, bps);
                    Path model = a.dir().resolve(size + "-" + type + ".gguf");
                    if (!Files.exists(model)) {
                        TinyModelGenerator.generate(model, 1, TinyModelSize.of(size), GgmlType.valueOf(type.toUpperCase()));
                    }
                    for (int batch : a.batches()) {
                        for (String r : rows(model, size, type, batch, a)) {
                            rows.add(r);
                            System.out.println("# " + r);
                        }
                    }
                }
            }
            double bps = MemoryBandwidthBenchmark.measureBytesPerSecond(bwRunner, 1L << 29, 20);
            System.out.printf("# stream-read bandwidth at the end: %.2f GB/s%n", bps / 1e9);
            bandwidth = Math.max(bandwidth, bps);
            System.out.printf("%nstream-read bandwidth (best): %.2f GB/s%n%n", bandwidth / 1e9);
            System.out.println("| model | weights | runner | batch | decode tok/s | ms/step | weight GB/s | % of bandwidth |");
            System.out.println("|---|---|---|---|---|---|---|---|");
            for (String r : rows) {
                String[] cells = r.split("\\|");
                double gbps = Double.parseDouble(cells[7].trim());
                boolean batchOne = cells[4].trim().equals("1");
                System.out.println(r + (batchOne ? String.format(" %.0f %% |", 100 * gbps * 1e9 / bandwidth) : " - |"));
            }
        }
    }

    /**
     * One row per runner; the runners' timed runs alternate, so a shared machine's load falls on
     * all of them alike.
     */
    private static List<String> rows(Path model, String size, String type, int batch, BenchArgs a) throws Exception {
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
            double[] best = new double[execs.size()];
            for (int r = 0; r < a.repeats(); r++) {
                for (int i = 0; i < decoders.size(); i++) {
                    best[i] = Math.max(best[i], decoders.get(i).run(prompts, a.steps() + 1).decodeTokensPerSecond());
                }
            }
            List<String> rows = new ArrayList<>();
            for (int i = 0; i < execs.size(); i++) {
                double stepsPerSecond = best[i] / batch;
                double weightBytesPerSecond = execs.get(i).weights().bytesReadPerStep() * stepsPerSecond;
                rows.add(String.format(java.util.Locale.ROOT, "| %s | %s | %s | %d | %.1f | %.2f | %.2f |", size, type,
                        a.runners().get(i), batch, best[i], 1000 / stepsPerSecond, weightBytesPerSecond / 1e9));
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
