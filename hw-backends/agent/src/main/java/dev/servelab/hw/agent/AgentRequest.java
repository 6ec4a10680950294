package dev.servelab.hw.agent;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * One HTTP request inside the agent: its prompt's token ids, output limit and whether end of
 * sequence is ignored, and the events its handler reads (written on the engine's loop thread).
 * Batching, KV blocks and progress are the engine replica's, not kept here.
 */
final class AgentRequest {
    final long id;
    final int[] prompt;
    final int maxTokens;
    final boolean ignoreEos;
    private final BlockingQueue<AgentEvent> events = new LinkedBlockingQueue<>();
    private volatile boolean cancelled;
    /** Set on the loop thread when the model produced end of sequence (finish reason {@code stop}). */
    volatile boolean stoppedByEos;
    /** Wall clock ({@link System#nanoTime()}) when the handler accepted the request, and of its last token: read by its handler thread only. */
    long acceptedNanos;
    long lastTokenNanos;

    AgentRequest(long id, int[] prompt, int maxTokens, boolean ignoreEos) {
        this.id = id;
        this.prompt = prompt.clone();
        this.maxTokens = maxTokens;
        this.ignoreEos = ignoreEos;
    }

    BlockingQueue<AgentEvent> events() {
        return events;
    }

    /** Marks the request cancelled; returns false if it already was. */
    boolean cancel() {
        boolean first = !cancelled;
        cancelled = true;
        return first;
    }

    boolean isCancelled() {
        return cancelled;
    }
}
