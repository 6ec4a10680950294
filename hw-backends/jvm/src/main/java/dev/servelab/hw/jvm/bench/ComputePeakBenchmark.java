package dev.servelab.hw.jvm.bench;

import dev.servelab.hw.jvm.cpu.KernelRunner;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * This machine's peak float FMA throughput as a JVM sees it: every thread of a runner runs eight
 * independent chains of Vector API FMAs on registers (no memory traffic); the best of several
 * passes is reported. Batched decode that reads each weight once for many tokens is bound by this,
 * not by memory bandwidth, once {@code FLOPs / peak > bytes / bandwidth}.
 */
public final class ComputePeakBenchmark {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static volatile float sink;

    private ComputePeakBenchmark() {
    }

    /** Best FLOP/s (an FMA counts two) over {@code passes} passes of {@code iterations} per chunk. */
    public static double measureFlopsPerSecond(KernelRunner runner, int iterations, int passes) {
        int chunks = runner.threads();
        float[] partial = new float[chunks];
        double best = 0;
        for (int pass = 0; pass < passes; pass++) {
            long start = System.nanoTime();
            runner.parallelFor(chunks, Integer.MAX_VALUE, (from, to) -> {
                for (int c = from; c < to; c++) {
                    partial[c] = chains(iterations, c);
                }
            });
            long nanos = System.nanoTime() - start;
            float total = 0;
            for (float p : partial) {
                total += p;
            }
            sink = total;
            best = Math.max(best, (double) chunks * iterations * 8 * F.length() * 2 / (nanos / 1e9));
        }
        return best;
    }

    private static float chains(int iterations, int seed) {
        FloatVector m = FloatVector.broadcast(F, 0.999999f);
        FloatVector k = FloatVector.broadcast(F, 1e-7f * (seed + 1));
        FloatVector a0 = FloatVector.broadcast(F, 1f), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0;
        for (int i = 0; i < iterations; i++) {
            a0 = a0.fma(m, k);
            a1 = a1.fma(m, k);
            a2 = a2.fma(m, k);
            a3 = a3.fma(m, k);
            a4 = a4.fma(m, k);
            a5 = a5.fma(m, k);
            a6 = a6.fma(m, k);
            a7 = a7.fma(m, k);
        }
        return a0.add(a1).add(a2.add(a3)).add(a4.add(a5).add(a6.add(a7))).reduceLanes(VectorOperators.ADD);
    }
}
