package dev.servelab.engine.store;

import dev.servelab.engine.model.Request;
import dev.servelab.engine.observe.LongList;
import dev.servelab.engine.observe.SequenceRecord;

/** A request that has ended, as the replica reports it to observers; token and preemption times when sampled. */
record EndedSequence(Request request, int replica, long firstScheduledNanos, long firstTokenNanos, long finishNanos,
                     int generatedTokens, int totalCachedTokens, int preemptions, LongList tokenTimes,
                     LongList preemptionTimes) implements SequenceRecord {
    @Override
    public int computedTokens() {
        return request.promptTokens() + generatedTokens;
    }

    @Override
    public int cachedTokens() {
        return totalCachedTokens;
    }

    @Override
    public int blocksHeld() {
        return 0;
    }

    @Override
    public int[] blockTable() {
        return new int[0];
    }

    @Override
    public boolean isSampled() {
        return tokenTimes != null;
    }
}
