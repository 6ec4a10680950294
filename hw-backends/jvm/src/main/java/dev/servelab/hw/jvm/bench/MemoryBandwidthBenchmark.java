package dev.servelab.hw.jvm.bench;

import dev.servelab.hw.jvm.cpu.KernelRunner;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * This machine's streaming-read bandwidth as a JVM sees it: every thread of a ForkJoin runner sums
 * its slice of a float array much larger than the caches, with several Vector API accumulators;
 * the best of several passes is reported. This is the physical limit of batch-1 decode, which must
 * read every weight once per token. Passes alternate two access patterns, each slice read front to
 * back as one stream, and as four streams a quarter of the slice apart (the batch-1 kernels' pattern,
 * which the hardware prefetcher serves faster on some machines): the limit is the better of the two,
 * so a kernel cannot look faster than the machine only because the probe read one stream.
 */
public final class MemoryBandwidthBenchmark {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static volatile float sink;

    private MemoryBandwidthBenchmark() {
    }

    /** Best bytes per second over {@code passes} reads of a {@code bytes}-sized array. */
    public static double measureBytesPerSecond(KernelRunner runner, long bytes, int passes) {
        float[] data = new float[(int) Math.min(bytes / 4, Integer.MAX_VALUE - 64)];
        java.util.Arrays.fill(data, 1f);
        int chunks = runner.threads() * 4;
        int per = (data.length / chunks) / (4 * F.length()) * (4 * F.length());
        float[] partial = new float[chunks];
        double best = 0;
        for (int pass = 0; pass < passes; pass++) {
            boolean fourStreams = pass % 2 == 1;
            long start = System.nanoTime();
            runner.parallelFor(chunks, Integer.MAX_VALUE, (from, to) -> {
                for (int c = from; c < to; c++) {
                    partial[c] = fourStreams ? sumFourStreams(data, c * per, per) : sum(data, c * per, per);
                }
            });
            long nanos = System.nanoTime() - start;
            float total = 0;
            for (float p : partial) {
                total += p;
            }
            sink = total;
            best = Math.max(best, (double) chunks * per * 4 / (nanos / 1e9));
        }
        return best;
    }

    private static float sum(float[] a, int off, int n) {
        FloatVector s0 = FloatVector.zero(F), s1 = s0, s2 = s0, s3 = s0;
        int l = F.length();
        for (int i = 0; i < n; i += 4 * l) {
            s0 = s0.add(FloatVector.fromArray(F, a, off + i));
            s1 = s1.add(FloatVector.fromArray(F, a, off + i + l));
            s2 = s2.add(FloatVector.fromArray(F, a, off + i + 2 * l));
            s3 = s3.add(FloatVector.fromArray(F, a, off + i + 3 * l));
        }
        return s0.add(s1).add(s2.add(s3)).reduceLanes(VectorOperators.ADD);
    }

    /** As {@link #sum}, reading {@code a[off, off + n)} as four streams a quarter of it apart. */
    private static float sumFourStreams(float[] a, int off, int n) {
        FloatVector s0 = FloatVector.zero(F), s1 = s0, s2 = s0, s3 = s0;
        int l = F.length();
        int q = n / 4;
        for (int i = 0; i < q; i += l) {
            s0 = s0.add(FloatVector.fromArray(F, a, off + i));
            s1 = s1.add(FloatVector.fromArray(F, a, off + q + i));
            s2 = s2.add(FloatVector.fromArray(F, a, off + 2 * q + i));
            s3 = s3.add(FloatVector.fromArray(F, a, off + 3 * q + i));
        }
        return s0.add(s1).add(s2.add(s3)).reduceLanes(VectorOperators.ADD);
    }

    public static void main(String[] args) {
        try (KernelRunner runner = KernelRunner.forkJoin()) {
            double bps = measureBytesPerSecond(runner, 1L << 30, 10);
            System.out.printf("stream read, %d threads: %.2f GB/s%n", runner.threads(), bps / 1e9);
        }
    }
}
