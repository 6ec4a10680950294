package dev.servelab.hw.agent;

import dev.servelab.engine.model.Request;
import dev.servelab.engine.model.SplitMix64;
import dev.servelab.engine.observe.IterationRecord;
import dev.servelab.engine.observe.RunObserver;
import dev.servelab.engine.observe.SequenceRecord;
import dev.servelab.engine.spi.LiveRequestStream;
import dev.servelab.engine.spi.TokenChannel;
import dev.servelab.hw.jvm.tokenizer.Tokenizer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The agent's bridge to the engine, HTTP on one side and the event loop on the other. As a
 * {@link LiveRequestStream} it carries each HTTP request into the live run as a {@link Request}
 * whose chained prefix hashes are computed from its real prompt tokens, one per KV block, so the
 * replica's prefix cache shares exactly the blocks two prompts have in common. As the run's
 * {@link TokenChannel} it hands the executor those token ids and turns every generated token into an
 * event for the request's handler (asking the engine to stop the request at end of sequence or when
 * its client went away). As a {@link RunObserver} it ends each response when the replica finishes or
 * rejects the request, and keeps the counters and gauges {@code /metrics} and {@code /device} show.
 */
final class HttpRequestStream implements LiveRequestStream, TokenChannel, RunObserver {
    private final LinkedBlockingQueue<Input> inputs = new LinkedBlockingQueue<>();
    private final Map<Long, AgentRequest> live = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicInteger queued = new AtomicInteger();
    private final Tokenizer tokenizer;
    private final int blockSizeTokens;
    private final AgentMetrics metrics;
    private volatile boolean open = true;
    private volatile int engineWaiting;
    private volatile int kvUsedBlocks;

    HttpRequestStream(Tokenizer tokenizer, int blockSizeTokens, AgentMetrics metrics) {
        this.tokenizer = tokenizer;
        this.blockSizeTokens = blockSizeTokens;
        this.metrics = metrics;
    }

    /** Queues a request for the run; its events say how it goes (tokens, then finished or failed). */
    AgentRequest submit(int[] prompt, int maxTokens, boolean ignoreEos) {
        AgentRequest r = new AgentRequest(ids.incrementAndGet(), prompt, maxTokens, ignoreEos);
        live.put(r.id, r);
        queued.incrementAndGet();
        inputs.add(Input.arrival(new Request(r.id, 0, prompt.length, maxTokens, prefixHashes(prompt), blockSizeTokens,
                null, null, null)));
        return r;
    }

    /** The handler's client went away: the engine ends the request after its current iteration. */
    void cancel(AgentRequest r) {
        if (r.cancel()) inputs.add(Input.stop(r.id));
    }

    /** Chained hashes of the prompt's full blocks: block {@code i}'s hash covers every token up to its end. */
    private long[] prefixHashes(int[] prompt) {
        long[] out = new long[prompt.length / blockSizeTokens];
        long h = 0;
        for (int b = 0; b < out.length; b++) {
            for (int i = b * blockSizeTokens; i < (b + 1) * blockSizeTokens; i++) {
                h = SplitMix64.mix(h * SplitMix64.GOLDEN_GAMMA + prompt[i]);
            }
            out[b] = h;
        }
        return out;
    }

    /** Requests not yet running: queued for the loop plus those waiting in the replica. */
    int waiting() {
        return live.isEmpty() ? queued.get() : queued.get() + engineWaiting;
    }

    int running() {
        return Math.max(0, live.size() - waiting());
    }

    int kvUsedBlocks() {
        return live.isEmpty() ? 0 : kvUsedBlocks;
    }

    /** Ends every open request with {@code message} (the loop stopped). */
    void failAll(String message) {
        for (AgentRequest r : live.values()) {
            if (live.remove(r.id) != null) {
                r.events().add(AgentEvent.failed(message));
                metrics.requestsFailed.incrementAndGet();
            }
        }
    }

    @Override
    public Input poll(long waitNanos) throws InterruptedException {
        Input in = waitNanos <= 0 ? inputs.poll() : inputs.poll(waitNanos, TimeUnit.NANOSECONDS);
        if (in != null && !in.isStop()) queued.decrementAndGet();
        return in;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        open = false;
    }

    @Override
    public int[] promptTokens(Request request) {
        AgentRequest r = live.get(request.id());
        return r == null ? null : r.prompt;
    }

    @Override
    public boolean onToken(long requestId, int index, int tokenId) {
        AgentRequest r = live.get(requestId);
        if (r == null) return false;
        metrics.generatedTokensTotal.incrementAndGet();
        r.events().add(AgentEvent.token(tokenId, tokenizer.decode(new int[] {tokenId})));
        if (!r.ignoreEos && tokenId == tokenizer.eosToken()) r.stoppedByEos = true;
        boolean ends = r.stoppedByEos || r.isCancelled();
        if (ends && index + 1 < r.maxTokens) inputs.add(Input.stop(requestId));
        return ends;
    }

    @Override
    public void onFinished(SequenceRecord s, long nowNanos) {
        AgentRequest r = live.remove(s.id());
        if (r != null) r.events().add(AgentEvent.finished(r.stoppedByEos ? "stop" : "length", s.cachedTokens()));
    }

    @Override
    public void onRejected(Request request, String reason, int replica, long nowNanos) {
        AgentRequest r = live.remove(request.id());
        if (r == null) return;
        r.events().add(AgentEvent.failed(reason));
        metrics.requestsFailed.incrementAndGet();
    }

    @Override
    public void onIteration(IterationRecord it) {
        metrics.iterationsTotal.incrementAndGet();
        metrics.iterationNanosTotal.addAndGet(it.endNanos - it.startNanos);
        metrics.batchedTokensTotal.addAndGet(it.prefillTokens + it.decodeTokens);
        metrics.prefixHitTokensTotal.addAndGet(it.hitTokens);
        engineWaiting = it.waiting;
        kvUsedBlocks = it.kvUsedBlocks;
    }
}
