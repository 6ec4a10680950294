package dev.servelab.hw.jvm.cpu;

/** Runs a loop-parallel kernel over {@code [0, n)}, in slices, on some threads. */
public interface KernelRunner extends AutoCloseable {

    /**
     * Runs {@code body} over {@code [0, n)}; {@code costPerIndex} (roughly the multiply-adds per
     * index) sets how finely the range is sliced.
     */
    void parallelFor(int n, int costPerIndex, RangeBody body);

    /** Threads this runner uses. */
    int threads();

    @Override
    default void close() {
    }

    /** A runner on the calling thread only (the deterministic reference order). */
    static KernelRunner serial() {
        return new SerialKernelRunner();
    }

    /** A ForkJoin runner with one worker per available processor. */
    static KernelRunner forkJoin() {
        return new ForkJoinKernelRunner(Runtime.getRuntime().availableProcessors());
    }

    /** The calling thread plus a spinning helper per further available processor. */
    static KernelRunner spinning() {
        return new SpinningKernelRunner(Runtime.getRuntime().availableProcessors());
    }

    /**
     * The runner live execution uses: the one the system property {@code servelab.kernel.runner}
     * names, by default {@link #spinning()} (docs/PERFORMANCE.md compares them).
     */
    static KernelRunner best() {
        return named(System.getProperty("servelab.kernel.runner", "spinning"));
    }

    /** The runner called {@code name}: {@code spinning}, {@code forkjoin} or {@code serial}. */
    static KernelRunner named(String name) {
        return switch (name) {
            case "spinning" -> spinning();
            case "forkjoin" -> forkJoin();
            case "serial" -> serial();
            default -> throw new IllegalArgumentException("unknown kernel runner '" + name
                    + "' (expected spinning, forkjoin or serial)");
        };
    }
}
