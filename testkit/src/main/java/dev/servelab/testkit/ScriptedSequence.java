package dev.servelab.testkit;

import dev.servelab.engine.model.Request;
import dev.servelab.engine.spi.SequenceView;

/**
 * A sequence of a {@link ReplicaScript}: its token progress and the number of KV blocks it holds,
 * set by the script and changed only by the {@link ScriptedPlan} a scheduler fills.
 */
public final class ScriptedSequence implements SequenceView {
    private final Request request;
    int generated;
    int computed;
    int cached;
    int blocks;
    int preemptions;
    boolean running;

    ScriptedSequence(Request request, int generated, int computed, int blocks, boolean running) {
        this.request = request;
        this.generated = generated;
        this.computed = computed;
        this.blocks = blocks;
        this.running = running;
    }

    @Override
    public Request request() {
        return request;
    }

    @Override
    public int generatedTokens() {
        return generated;
    }

    @Override
    public int computedTokens() {
        return computed;
    }

    @Override
    public int cachedTokens() {
        return cached;
    }

    @Override
    public int preemptions() {
        return preemptions;
    }

    @Override
    public int blocksHeld() {
        return blocks;
    }

    /** Block ids are not modelled by a script: a table of {@link #blocksHeld()} zeros. */
    @Override
    public int[] blockTable() {
        return new int[blocks];
    }

    /** Whether the sequence is running (admitted) rather than waiting. */
    public boolean isRunning() {
        return running;
    }

    @Override
    public String toString() {
        return "seq " + request.id() + (running ? " running" : " waiting") + " computed=" + computed + " generated=" + generated
                + " blocks=" + blocks;
    }
}
