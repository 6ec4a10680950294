package dev.servelab.plugins.batch;

import dev.servelab.engine.spi.Executor;
import dev.servelab.engine.spi.ExecutorContext;
import dev.servelab.engine.spi.IterationBatch;

import java.util.ArrayList;
import java.util.List;

/** A test executor: every iteration takes the same time; remembers each batch's composition. */
final class FixedTimeExecutor implements Executor {
    record Seen(long startNanos, int prefillTokens, int decodeTokens, int size) {
    }

    private final long iterationNanos;
    final List<Seen> batches = new ArrayList<>();

    FixedTimeExecutor(long iterationNanos) {
        this.iterationNanos = iterationNanos;
    }

    @Override
    public void attach(ExecutorContext context) {
    }

    @Override
    public long iterationNanos(IterationBatch b) {
        batches.add(new Seen(b.startNanos(), b.prefillTokens(), b.decodeTokens(), b.size()));
        return iterationNanos;
    }
}
