package dev.servelab.hw.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * One request inside the agent. The HTTP handler reads {@link #events()}; the scheduler thread owns
 * the rest: KV blocks (reserved for prompt + output at admission, so nothing is ever preempted),
 * tokens computed into the KV cache, tokens generated and the last one.
 */
final class AgentRequest {
    final long id;
    final int[] prompt;
    final int maxTokens;
    final boolean ignoreEos;
    private final BlockingQueue<AgentEvent> events = new LinkedBlockingQueue<>();
    private volatile boolean cancelled;
    final List<Integer> blocks = new ArrayList<>();
    int computed;
    int generated;
    int lastToken;

    AgentRequest(long id, int[] prompt, int maxTokens, boolean ignoreEos) {
        this.id = id;
        this.prompt = prompt.clone();
        this.maxTokens = maxTokens;
        this.ignoreEos = ignoreEos;
    }

    BlockingQueue<AgentEvent> events() {
        return events;
    }

    /** Called by the handler when its client went away; the scheduler drops the request and frees its blocks. */
    void cancel() {
        cancelled = true;
    }

    boolean isCancelled() {
        return cancelled;
    }

    int totalTokens() {
        return prompt.length + maxTokens;
    }

    int[] blockTable() {
        return blocks.stream().mapToInt(Integer::intValue).toArray();
    }
}
