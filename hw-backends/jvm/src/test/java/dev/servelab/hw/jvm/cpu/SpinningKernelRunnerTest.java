package dev.servelab.hw.jvm.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** The spinning runner covers every index exactly once, on several threads, and reports failures. */
class SpinningKernelRunnerTest {

    @Test
    void everyIndexRunsExactlyOnceAcrossManyLaunches() {
        try (KernelRunner runner = new SpinningKernelRunner(3)) {
            for (int launch = 0; launch < 2_000; launch++) {
                int n = 1 + launch % 997;
                AtomicIntegerArray hits = new AtomicIntegerArray(n);
                runner.parallelFor(n, 1 << 16, (from, to) -> {
                    for (int i = from; i < to; i++) {
                        hits.incrementAndGet(i);
                    }
                });
                for (int i = 0; i < n; i++) {
                    assertEquals(1, hits.get(i), "launch " + launch + " index " + i);
                }
            }
        }
    }

    @Test
    void largeRangesAreSharedWithTheHelperThreads() {
        var threads = ConcurrentHashMap.<String>newKeySet();
        try (KernelRunner runner = new SpinningKernelRunner(2)) {
            for (int launch = 0; launch < 200 && threads.size() < 2; launch++) {
                runner.parallelFor(64, 1 << 17, (from, to) -> {
                    threads.add(Thread.currentThread().getName());
                    busyWait(20_000);
                });
            }
        }
        assertTrue(threads.size() == 2, "expected the caller and one helper, saw " + threads);
    }

    @Test
    void resultsEqualTheSerialRunner() {
        float[] w = new float[300 * 128], x = new float[128 * 5];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) Math.sin(i);
        }
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) Math.cos(i);
        }
        float[] serial = new float[300 * 5], spinning = new float[300 * 5];
        MatmulPath path = MatmulPath.best();
        KernelRunner.serial().parallelFor(300, 1, (f, t) -> path.f32(w, x, serial, 300, 128, 5, f, t));
        try (KernelRunner runner = new SpinningKernelRunner(2)) {
            runner.parallelFor(300, 1 << 14, (f, t) -> path.f32(w, x, spinning, 300, 128, 5, f, t));
        }
        assertArrayEquals(serial, spinning);
    }

    @Test
    void aFailingSliceFailsTheLaunchAndTheRunnerGoesOn() {
        try (KernelRunner runner = new SpinningKernelRunner(2)) {
            var e = assertThrows(IllegalStateException.class, () -> runner.parallelFor(1_000, 1 << 17, (from, to) -> {
                if (from <= 500 && 500 < to) {
                    throw new IllegalStateException("slice " + from);
                }
            }));
            assertTrue(e.getMessage().startsWith("slice"));
            AtomicIntegerArray hits = new AtomicIntegerArray(1_000);
            runner.parallelFor(1_000, 1 << 17, (from, to) -> {
                for (int i = from; i < to; i++) {
                    hits.incrementAndGet(i);
                }
            });
            for (int i = 0; i < 1_000; i++) {
                assertEquals(1, hits.get(i));
            }
        }
    }

    @Test
    void closeStopsTheHelperThreads() throws InterruptedException {
        KernelRunner runner = new SpinningKernelRunner(3);
        runner.parallelFor(10, 1 << 17, (from, to) -> { });
        runner.close();
        for (int attempt = 0; attempt < 100 && helpersAlive(); attempt++) {
            Thread.sleep(20);
        }
        assertTrue(!helpersAlive(), "helper threads still running after close");
    }

    private static boolean helpersAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().startsWith("servelab-kernel-") && t.isAlive());
    }

    private static void busyWait(long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }
}
