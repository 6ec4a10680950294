package dev.servelab.hw.agent;

import dev.servelab.engine.spi.IterationBatch;
import dev.servelab.engine.spi.SequenceView;

/** An iteration's totals only: {@code decodes} decode tokens and {@code prefill} prefill tokens (what executors read). */
record FixedBatch(int decodes, int prefill) implements IterationBatch {
    @Override
    public int size() {
        return decodes + (prefill > 0 ? 1 : 0);
    }

    @Override
    public SequenceView sequence(int i) {
        throw new UnsupportedOperationException("totals only");
    }

    @Override
    public int newTokens(int i) {
        return i < decodes ? 1 : prefill;
    }

    @Override
    public int contextTokens(int i) {
        return 0;
    }

    @Override
    public boolean isPrefill(int i) {
        return i >= decodes;
    }

    @Override
    public boolean emitsToken(int i) {
        return true;
    }

    @Override
    public int prefillTokens() {
        return prefill;
    }

    @Override
    public int decodeTokens() {
        return decodes;
    }

    @Override
    public long attentionPairs() {
        return 0;
    }

    @Override
    public long kvTokensTouched() {
        return decodes + prefill;
    }

    @Override
    public int emittingSequences() {
        return size();
    }

    @Override
    public int replicaIndex() {
        return 0;
    }

    @Override
    public long startNanos() {
        return 0;
    }
}
