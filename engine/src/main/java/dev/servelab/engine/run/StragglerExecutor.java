package dev.servelab.engine.run;

import dev.servelab.engine.spi.BackendUse;
import dev.servelab.engine.spi.Executor;
import dev.servelab.engine.spi.ExecutorContext;
import dev.servelab.engine.spi.IterationBatch;

/**
 * The executor of a replica targeted by a {@code slowdown} fault: iterations take {@link #factor}
 * times as long as its own executor says while the fault lasts (a straggler: thermal throttling,
 * a noisy neighbour). Only such replicas are wrapped, so other runs are untouched.
 */
final class StragglerExecutor implements Executor {
    private final Executor inner;
    private double factor = 1;

    StragglerExecutor(Executor inner) {
        this.inner = inner;
    }

    void setFactor(double factor) {
        this.factor = factor;
    }

    @Override
    public void attach(ExecutorContext context) {
        inner.attach(context);
    }

    @Override
    public long iterationNanos(IterationBatch batch) {
        long n = inner.iterationNanos(batch);
        return factor == 1 ? n : Math.max(1, Math.round(n * factor));
    }

    @Override
    public int kvCapacityBlocks(int blockSizeTokens) {
        return inner.kvCapacityBlocks(blockSizeTokens);
    }

    @Override
    public long loraAdapterBytes() {
        return inner.loraAdapterBytes();
    }

    @Override
    public double kvBytesPerToken() {
        return inner.kvBytesPerToken();
    }

    @Override
    public boolean isLive() {
        return inner.isLive();
    }

    @Override
    public BackendUse backendUse() {
        return inner.backendUse();
    }

    @Override
    public double lastIterationJoules() {
        return inner.lastIterationJoules();
    }
}
