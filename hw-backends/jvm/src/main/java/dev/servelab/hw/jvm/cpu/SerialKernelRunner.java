package dev.servelab.hw.jvm.cpu;

/** Runs every kernel on the calling thread, over the whole range at once. */
final class SerialKernelRunner implements KernelRunner {
    @Override
    public void parallelFor(int n, int costPerIndex, RangeBody body) {
        if (n > 0) {
            body.run(0, n);
        }
    }

    @Override
    public int threads() {
        return 1;
    }
}
