package dev.servelab.hw.perf.hardware;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntToDoubleFunction;

/**
 * Measures this machine's CPU as the JVM sees it, in about one second: float multiply-add
 * throughput on all cores (a loop the JIT vectorizes; 2 FLOPs per element) and memory read
 * bandwidth (all cores summing disjoint parts of a 128 MiB array), each the best of ten short
 * windows, since other processes may share the cores. The result is
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
        return bestWindowRate(100_000_000L, () -> {
            for (int r = 0; r < 50; r++) {
                for (int i = 0; i < VECTOR; i++) {
                    a[i] = a[i] * 0.999f + 0.001f;
                }
            }
            return 2.0 * VECTOR * 50;
        });
    }

    private static double readRate(long[] data, int from, int count) {
        int slice = Math.min(count, 128 * 1024); // 1 MiB per call, walking through the whole range
        long[] state = new long[2]; // next offset, sink
        return bestWindowRate(100_000_000L, () -> {
            int start = from + (int) state[0];
            long sum = 0;
            for (int i = start; i < start + slice; i++) {
                sum += data[i];
            }
            state[0] = (state[0] + slice) % (count - slice + 1);
            state[1] += sum;
            return 8.0 * slice;
        });
    }

    /**
     * Runs {@code work} (which returns the FLOPs or bytes it did) repeatedly for
     * {@code budgetNanos} and returns the best rate over windows of a tenth of the budget: on a
     * shared machine the best window is the closest to what the hardware can do.
     */
    private static double bestWindowRate(long budgetNanos, java.util.function.DoubleSupplier work) {
        long start = System.nanoTime();
        long window = budgetNanos / 10;
        double best = 0;
        while (System.nanoTime() - start < budgetNanos) {
            long w0 = System.nanoTime();
            double done = 0;
            long elapsed;
            do {
                done += work.getAsDouble();
                elapsed = System.nanoTime() - w0;
            } while (elapsed < window);
            best = Math.max(best, done / (elapsed * 1e-9));
        }
        return best;
    }

    /** Physical memory of this machine in bytes (falls back to the JVM's max heap). */
    public static double physicalMemoryBytes() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return Runtime.getRuntime().maxMemory();
    }
}
