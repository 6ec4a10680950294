package dev.servelab.hw.perf.hardware;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntToDoubleFunction;

/**
 * Measures this machine's CPU as the JVM sees it, in well under two seconds: float
 * multiply-add throughput on all cores (a loop the JIT vectorizes; 2 FLOPs per element) and
 * memory read bandwidth (all cores summing disjoint parts of a 128 MiB array). The result is
 * the {@code this-cpu} catalog entry; its numbers are what JVM-backend kernels can reach, not
 * the vendor's peak.
 */
public final class CpuMicroBenchmark {
    private static final int VECTOR = 2048;
    private static final int MEMORY_LONGS = 16 * 1024 * 1024; // 128 MiB

    /** What the benchmark measured. */
    public record Result(double flopsPerS, double bytesPerS, int threads) {}

    private CpuMicroBenchmark() {}

    public static Result measure() {
        int threads = Runtime.getRuntime().availableProcessors();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            double flops = parallelRate(pool, threads, CpuMicroBenchmark::fmaRate);
            long[] data = new long[MEMORY_LONGS];
            for (int i = 0; i < data.length; i++) {
                data[i] = i;
            }
            int slice = MEMORY_LONGS / threads;
            double bytes = parallelRate(pool, threads, t -> readRate(data, t * slice, slice));
            return new Result(flops, bytes, threads);
        }
    }

    /** Runs {@code rate} once to warm up, then again on every thread, and adds the rates. */
    private static double parallelRate(ExecutorService pool, int threads, IntToDoubleFunction rate) {
        rate.applyAsDouble(0);
        List<Future<Double>> parts = new java.util.ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int index = t;
            parts.add(pool.submit(() -> rate.applyAsDouble(index)));
        }
        double sum = 0;
        for (Future<Double> f : parts) {
            try {
                sum += f.get();
            } catch (Exception e) {
                throw new IllegalStateException("CPU micro-benchmark failed", e);
            }
        }
        return sum;
    }

    private static double fmaRate(int ignored) {
        float[] a = new float[VECTOR];
        java.util.Arrays.fill(a, 1.0f);
        float b = 0.999f;
        float c = 0.001f;
        long reps = 0;
        long start = System.nanoTime();
        long elapsed;
        do {
            for (int r = 0; r < 1000; r++) {
                for (int i = 0; i < VECTOR; i++) {
                    a[i] = a[i] * b + c;
                }
            }
            reps += 1000;
            elapsed = System.nanoTime() - start;
        } while (elapsed < 150_000_000L);
        if (a[7] == 42f) {
            System.out.print("");
        }
        return 2.0 * VECTOR * reps / (elapsed * 1e-9);
    }

    private static double readRate(long[] data, int from, int count) {
        long sum = 0;
        int passes = 0;
        long start = System.nanoTime();
        long elapsed;
        do {
            for (int i = from; i < from + count; i++) {
                sum += data[i];
            }
            passes++;
            elapsed = System.nanoTime() - start;
        } while (elapsed < 100_000_000L);
        if (sum == 42) {
            System.out.print("");
        }
        return 8.0 * count * passes / (elapsed * 1e-9);
    }

    /** Physical memory of this machine in bytes (falls back to the JVM's max heap). */
    public static double physicalMemoryBytes() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return Runtime.getRuntime().maxMemory();
    }
}
