package dev.servelab.hw.jvm.cpu;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs a kernel on the calling thread plus {@code threads - 1} helper threads that spin briefly
 * between launches before parking, the way llama.cpp's CPU thread pool and OpenMP's active wait
 * policy do. A forward pass launches kernels back to back (about 60 per token at batch 1), so
 * the helpers are nearly always awake when the next one comes, and a launch costs a volatile write
 * instead of a ForkJoin wake-up; the caller works too instead of blocking. Threads take chunks of
 * the range from a shared counter, so a thread slowed by another process takes fewer chunks.
 * Each index is computed by exactly one thread with the same arithmetic as the serial run, so
 * results do not depend on the number of threads.
 */
public final class SpinningKernelRunner implements KernelRunner {
    /**
     * Work (about one multiply-add per unit) below which a launch runs on the caller alone; the
     * system property {@code servelab.kernel.slice-cost} overrides it.
     */
    static final int SLICE_COST = Integer.getInteger("servelab.kernel.slice-cost", 1 << 17);
    private static final long SPIN_NANOS = 200_000;
    private static final int CHUNKS_PER_THREAD = 2;
    private final Thread[] helpers;
    private final int sliceCost;
    private final AtomicIntegerArray sleeping;
    private volatile Job current = Job.NONE;
    private volatile boolean closed;

    public SpinningKernelRunner(int threads) {
        this(threads, SLICE_COST);
    }

    /**
     * A runner that splits launches of at least {@code sliceCost} work units ({@link #SLICE_COST} by
     * default; tests pass 1 to slice every kernel, however small).
     */
    public SpinningKernelRunner(int threads, int sliceCost) {
        this.sliceCost = Math.max(1, sliceCost);
        this.helpers = new Thread[Math.max(0, threads - 1)];
        this.sleeping = new AtomicIntegerArray(helpers.length);
        for (int i = 0; i < helpers.length; i++) {
            int id = i;
            helpers[i] = Thread.ofPlatform().daemon().name("servelab-kernel-" + (i + 1)).unstarted(() -> help(id));
            helpers[i].start();
        }
    }

    @Override
    public void parallelFor(int n, int costPerIndex, RangeBody body) {
        if (n <= 0) {
            return;
        }
        int grain = Math.max(1, sliceCost / Math.max(1, costPerIndex));
        if (n <= grain || helpers.length == 0) {
            body.run(0, n);
            return;
        }
        // about two chunks per thread (long slices stream best with the four-stream matmul kernels: at
        // batch 1, 100m Q8_0, two per thread beat four by ~3 % and eight by ~8 %, one left the caller
        // waiting for an unlucky helper; docs/PERFORMANCE.md), but never more than an even share: a range
        // of a few grains (a token's attention heads) splits evenly instead of one grain and a rest
        int evenShare = (n + threads() - 1) / threads();
        int chunk = Math.max(Math.min(grain, evenShare), (n + CHUNKS_PER_THREAD * threads() - 1)
                / (CHUNKS_PER_THREAD * threads()));
        Job job = new Job(body, n, chunk);
        current = job;
        wakeSleepers();
        job.work();
        job.awaitAll();
        current = Job.NONE;
        job.rethrow();
    }

    private void wakeSleepers() {
        for (int i = 0; i < helpers.length; i++) {
            if (isSleeping(i)) {
                LockSupport.unpark(helpers[i]);
            }
        }
    }

    private void help(int id) {
        Job done = Job.NONE;
        while (!closed) {
            Job job = awaitNewJob(id, done);
            if (job != null) {
                job.work();
                done = job;
            }
        }
    }

    /** Spins, then parks, until a job other than {@code done} is published; null when closed. */
    private Job awaitNewJob(int id, Job done) {
        long spinUntil = System.nanoTime() + SPIN_NANOS;
        while (!closed) {
            Job job = current;
            if (job != done && job != Job.NONE) {
                return job;
            }
            if (System.nanoTime() < spinUntil) {
                Thread.onSpinWait();
                continue;
            }
            setSleeping(id, true);
            job = current;
            if ((job == done || job == Job.NONE) && !closed) {
                LockSupport.park(this);
            }
            setSleeping(id, false);
            spinUntil = System.nanoTime() + SPIN_NANOS;
        }
        return null;
    }

    private boolean isSleeping(int id) {
        return sleeping.get(id) != 0;
    }

    private void setSleeping(int id, boolean value) {
        sleeping.set(id, value ? 1 : 0);
    }

    @Override
    public int threads() {
        return helpers.length + 1;
    }

    @Override
    public void close() {
        closed = true;
        for (Thread helper : helpers) {
            LockSupport.unpark(helper);
        }
    }

    /** One launch: its range, handed out in chunks, and the count of indices finished. */
    private static final class Job {
        static final Job NONE = new Job((from, to) -> { }, 0, 1);
        private final RangeBody body;
        private final int n;
        private final int chunk;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger finished = new AtomicInteger();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        Job(RangeBody body, int n, int chunk) {
            this.body = body;
            this.n = n;
            this.chunk = chunk;
        }

        void work() {
            int from;
            while ((from = next.getAndAdd(chunk)) < n) {
                int to = Math.min(n, from + chunk);
                try {
                    body.run(from, to);
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                } finally {
                    finished.addAndGet(to - from);
                }
            }
        }

        void awaitAll() {
            while (finished.get() < n) {
                Thread.onSpinWait();
            }
        }

        void rethrow() {
            Throwable t = failure.get();
            if (t instanceof RuntimeException e) {
                throw e;
            }
            if (t instanceof Error e) {
                throw e;
            }
        }
    }
}
