package dev.servelab.hw.jvm.cpu;

/** A kernel call over the index range {@code [from, to)} of its {@code @Parallel} loop. */
@FunctionalInterface
public interface RangeBody {
    void run(int from, int to);
}
