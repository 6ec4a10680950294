package dev.servelab.hw.jvm;

import dev.servelab.hw.jvm.kv.KvBlockAllocator;
import dev.servelab.hw.sim.LinearIterationModel;
import dev.servelab.hw.sim.LiveProfile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Measures the JVM backend on probe batches that span the shapes a scheduler produces (single
 * prefills of several lengths, decode batches of several sizes and context lengths, and mixes of
 * both), and fits a {@link LinearIterationModel} to the median of repeated measurements of each.
 */
public final class LiveCalibration {
    private static final int[] PREFILL = {16, 64, 128, 256};
    private static final int[] DECODE_BATCH = {1, 4, 8, 16};
    private static final int[] CONTEXT = {32, 128, 384};
    private final JvmLlamaExecutor model;
    private final int repeats;
    private final SplittableRandom rng = new SplittableRandom(1);
    private long nextId;

    public LiveCalibration(JvmLlamaExecutor model, int repeats) {
        this.model = model;
        this.repeats = repeats;
    }

    /** Warm-up before measuring: at least this many probe rounds and this much time. */
    static final int WARMUP_ROUNDS = 3;
    static final long WARMUP_MS = 3000;

    public LiveProfile run(Path modelFile) {
        warmUp(WARMUP_ROUNDS, WARMUP_MS);
        List<LinearIterationModel.Sample> samples = probes();
        int blocks = model.kvCapacity().blockCount();
        return new LiveProfile(model.backend().name(), modelFile.toString(), model.describe(), model.kvCapacity().blockSizeTokens(), blocks,
                LinearIterationModel.fit(samples));
    }

    /**
     * Runs the probe batches, untimed, at least {@code rounds} times and until {@code millis} have
     * passed: the JIT compiles the kernels for every batch shape before anything is measured (on the
     * tiny model a decode step is 2-3x slower after 1 s of warm-up than after 8 s).
     */
    public void warmUp(int rounds, long millis) {
        long until = System.nanoTime() + millis * 1_000_000;
        for (int r = 0; r < rounds || System.nanoTime() < until; r++) {
            probes();
        }
    }

    private List<LinearIterationModel.Sample> probes() {
        List<LinearIterationModel.Sample> samples = new ArrayList<>();
        for (int p : PREFILL) samples.add(measure(List.of(), List.of(p)));
        for (int b : DECODE_BATCH) {
            for (int c : CONTEXT) samples.add(measure(repeat(c, b), List.of()));
        }
        for (int p : PREFILL) samples.add(measure(repeat(128, 8), List.of(p)));
        return samples;
    }

    private static List<Integer> repeat(int value, int times) {
        Integer[] a = new Integer[times];
        Arrays.fill(a, value);
        return List.of(a);
    }

    /** Runs decode steps at the given contexts plus prefills of the given lengths; median of the repeats. */
    private LinearIterationModel.Sample measure(List<Integer> decodeContexts, List<Integer> prefills) {
        int bs = model.kvCapacity().blockSizeTokens();
        long[] times = new long[repeats + 1];
        long pairs = 0;
        long kvTokens = 0;
        int prefillTokens = 0;
        for (int r = 0; r <= repeats; r++) {
            KvBlockAllocator alloc = new KvBlockAllocator(model.kvCapacity().blockCount());
            List<SequenceChunk> chunks = new ArrayList<>();
            pairs = kvTokens = prefillTokens = 0;
            for (int c : decodeContexts) {
                chunks.add(new SequenceChunk(nextId++, tokens(1), c, table(alloc, c + 1, bs)));
                pairs += c + 1;
                kvTokens += c + 1;
            }
            for (int p : prefills) {
                chunks.add(new SequenceChunk(nextId++, tokens(p), 0, table(alloc, p, bs)));
                pairs += (long) p * (p + 1) / 2;
                kvTokens += p;
                prefillTokens += p;
            }
            times[r] = model.run(new Iteration(chunks)).elapsedNanos();
        }
        long[] measured = Arrays.copyOfRange(times, 1, times.length);
        Arrays.sort(measured);
        return new LinearIterationModel.Sample(prefillTokens, decodeContexts.size(), pairs, kvTokens,
                measured[measured.length / 2]);
    }

    private int[] tokens(int n) {
        int[] t = new int[n];
        for (int i = 0; i < n; i++) t[i] = rng.nextInt(model.config().vocabSize());
        return t;
    }

    private static int[] table(KvBlockAllocator alloc, int tokens, int bs) {
        int[] t = new int[(tokens + bs - 1) / bs];
        for (int i = 0; i < t.length; i++) t[i] = alloc.allocate();
        return t;
    }
}
