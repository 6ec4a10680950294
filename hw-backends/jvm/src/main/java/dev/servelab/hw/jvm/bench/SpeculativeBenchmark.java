package dev.servelab.hw.jvm.bench;

import dev.servelab.hw.jvm.DraftProposer;
import dev.servelab.hw.jvm.GreedyDecoder;
import dev.servelab.hw.jvm.GreedyRun;
import dev.servelab.hw.jvm.JvmLlamaExecutor;
import dev.servelab.hw.jvm.SpeculativeDecoder;
import dev.servelab.hw.jvm.SpeculativeStats;
import dev.servelab.hw.jvm.gguf.GgmlType;
import dev.servelab.hw.jvm.kv.KvBlockAllocator;
import dev.servelab.hw.jvm.kv.KvCacheSpec;
import dev.servelab.hw.jvm.tiny.LayerSkipDraft;
import dev.servelab.hw.jvm.tiny.TinyModelGenerator;
import dev.servelab.hw.jvm.tiny.TinyModelSize;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Speculative vs plain greedy decoding on the same prompts with the JVM backend: a generated target
 * ({@code size}, seed 1) and its layer-skip draft (the first {@code layers} layers), {@code batch}
 * prompts of {@code prompt} tokens, {@code tokens} new tokens each. Plain and speculative runs
 * alternate ({@code repeats} each, after two warm-up pairs), so a shared machine's load falls on both;
 * every speculative run's tokens are checked equal to the plain run's. Prints the median decode time
 * per token of each, the speed-up, the acceptance (mean accepted per step, per-position rates) and the
 * load average before and after.
 *
 * <p>Arguments (all optional): {@code size=tiny layers=1 k=3 batch=1 prompt=32 tokens=64 repeats=7
 * refine=1 dir=target/bench-models}; {@code refine=S} generates the target with the residual updates of
 * its layers past the draft's scaled by S ({@code servelab model tiny --refine-from --refine-scale}).
 */
public final class SpeculativeBenchmark {
    private SpeculativeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (String arg : args) a.put(arg.substring(0, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        String size = a.getOrDefault("size", "tiny");
        int layers = Integer.parseInt(a.getOrDefault("layers", "1"));
        int k = Integer.parseInt(a.getOrDefault("k", "3"));
        int batch = Integer.parseInt(a.getOrDefault("batch", "1"));
        int promptLen = Integer.parseInt(a.getOrDefault("prompt", "32"));
        int tokens = Integer.parseInt(a.getOrDefault("tokens", "64"));
        int repeats = Integer.parseInt(a.getOrDefault("repeats", "7"));
        Path dir = Path.of(a.getOrDefault("dir", "target/bench-models"));
        Files.createDirectories(dir);
        double refine = Double.parseDouble(a.getOrDefault("refine", "1"));
        String name = size + "-f32" + (refine == 1 ? "" : "-refine" + layers + "x" + refine);
        Path target = dir.resolve(name + ".gguf");
        if (!Files.exists(target)) {
            TinyModelGenerator.generate(target, 1, TinyModelSize.of(size), GgmlType.F32, layers, refine);
        }
        Path draft = dir.resolve(name + "-draft-l" + layers + ".gguf");
        if (!Files.exists(draft)) LayerSkipDraft.write(target, layers, draft);
        System.out.println("# load average before: " + loadAverage());
        KvCacheSpec kv = new KvCacheSpec(16, batch * ((promptLen + tokens + k) / 16 + 3) + 4);
        SplittableRandom rng = new SplittableRandom(7);
        try (JvmLlamaExecutor t = JvmLlamaExecutor.open(target, kv);
             DraftProposer d = new DraftProposer(JvmLlamaExecutor.openSharing(draft, kv, t))) {
            int vocab = t.config().vocabSize();
            int[][] prompts = new int[batch][promptLen];
            for (int[] p : prompts) for (int i = 0; i < promptLen; i++) p[i] = rng.nextInt(vocab);
            KvBlockAllocator blocks = new KvBlockAllocator(kv.blockCount());
            GreedyDecoder plain = new GreedyDecoder(t, blocks);
            SpeculativeDecoder spec = new SpeculativeDecoder(t, blocks, d, k);
            double[] plainMs = new double[repeats];
            double[] specMs = new double[repeats];
            SpeculativeStats stats = null;
            for (int r = -2; r < repeats; r++) {
                GreedyRun p = plain.run(prompts, tokens);
                SpeculativeDecoder.Run s = spec.run(prompts, tokens);
                for (int i = 0; i < batch; i++) {
                    if (!Arrays.equals(p.tokens()[i], s.tokens()[i])) throw new IllegalStateException("sequence " + i + " differs");
                }
                if (r < 0) continue;
                plainMs[r] = p.decodeNanos() / 1e6 / (tokens - 1);
                specMs[r] = s.decodeNanos() / 1e6 / (tokens - 1);
                stats = s.stats();
            }
            double mp = median(plainMs);
            double ms = median(specMs);
            System.out.printf("# %s refine %s (%s), draft %d of %d layers, k=%d, batch %d, %d-token prompts, %d new tokens, %d runs each%n",
                    size, refine, t.describe(), layers, t.config().layers(), k, batch, promptLen, tokens, repeats);
            System.out.printf("plain decode: median %.3f ms/step (runs %s)%n", mp, fmt(plainMs));
            System.out.printf("speculative:  median %.3f ms/token (runs %s)%n", ms, fmt(specMs));
            System.out.printf("speed-up (median plain / median speculative): %.2fx%n", mp / ms);
            System.out.printf("acceptance: %.3f accepted per verify step (%.3f tokens/step), rate %.3f, per position %s,"
                    + " histogram %s, %d steps%n", stats.meanAccepted(), stats.meanTokensPerStep(), stats.acceptanceRate(),
                    fmt(stats.perPosition()), Arrays.toString(stats.histogram()), stats.steps());
            System.out.println("outputs identical to plain greedy decoding: yes (checked every run)");
            System.out.println("# load average after: " + loadAverage());
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static String fmt(double[] v) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) b.append(i == 0 ? "" : ", ").append(String.format("%.3f", v[i]));
        return b.append(']').toString();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
