package dev.servelab.hw.jvm.cpu;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

/**
 * Splits a kernel's range in halves on a dedicated ForkJoin pool until a slice holds about
 * {@link #SLICE_COST} units of work. A dedicated pool, because the common pool has one worker
 * fewer than there are processors. Each index is computed by exactly one slice with the same
 * arithmetic as the serial run, so results do not depend on the number of threads.
 */
public final class ForkJoinKernelRunner implements KernelRunner {
    static final int SLICE_COST = 1 << 17;
    private final ForkJoinPool pool;

    public ForkJoinKernelRunner(int threads) {
        this.pool = new ForkJoinPool(threads);
    }

    @Override
    public void parallelFor(int n, int costPerIndex, RangeBody body) {
        if (n <= 0) {
            return;
        }
        int grain = Math.max(1, SLICE_COST / Math.max(1, costPerIndex));
        if (n <= grain || pool.getParallelism() == 1) {
            body.run(0, n);
            return;
        }
        int minSlice = Math.max(grain, (n + 4 * pool.getParallelism() - 1) / (4 * pool.getParallelism()));
        pool.invoke(new Slice(body, 0, n, minSlice));
    }

    @Override
    public int threads() {
        return pool.getParallelism();
    }

    @Override
    public void close() {
        pool.shutdown();
    }

    private static final class Slice extends RecursiveAction {
        private final RangeBody body;
        private final int from;
        private final int to;
        private final int grain;

        Slice(RangeBody body, int from, int to, int grain) {
            this.body = body;
            this.from = from;
            this.to = to;
            this.grain = grain;
        }

        @Override
        protected void compute() {
            if (to - from <= grain) {
                body.run(from, to);
                return;
            }
            int mid = (from + to) >>> 1;
            invokeAll(new Slice(body, from, mid, grain), new Slice(body, mid, to, grain));
        }
    }
}
