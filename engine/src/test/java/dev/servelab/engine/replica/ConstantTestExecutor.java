package dev.servelab.engine.replica;

import dev.servelab.engine.spi.Executor;
import dev.servelab.engine.spi.ExecutorContext;
import dev.servelab.engine.spi.IterationBatch;

import java.util.ArrayList;
import java.util.List;

/** Every iteration takes the same time; remembers each batch's composition for the assertions. */
final class ConstantTestExecutor implements Executor {
    record Batch(long startNanos, int prefillTokens, int decodeTokens, int size) {
    }

    private final long iterationNanos;
    final List<Batch> batches = new ArrayList<>();

    ConstantTestExecutor(long iterationNanos) {
        this.iterationNanos = iterationNanos;
    }

    @Override
    public void attach(ExecutorContext context) {
    }

    @Override
    public long iterationNanos(IterationBatch b) {
        batches.add(new Batch(b.startNanos(), b.prefillTokens(), b.decodeTokens(), b.size()));
        return iterationNanos;
    }
}
