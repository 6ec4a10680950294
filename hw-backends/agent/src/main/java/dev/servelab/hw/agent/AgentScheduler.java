package dev.servelab.hw.agent;

import dev.servelab.hw.jvm.Iteration;
import dev.servelab.hw.jvm.IterationResult;
import dev.servelab.hw.jvm.JvmLlamaExecutor;
import dev.servelab.hw.jvm.SequenceChunk;
import dev.servelab.hw.jvm.kv.KvBlockAllocator;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The agent's own continuous-batching loop, on one thread: each iteration admits waiting requests
 * (first come, first served) while sequence slots and KV blocks for their whole prompt + output are
 * free, then runs one forward pass holding every running sequence's decode token plus prefill
 * chunks within {@code maxNumBatchedTokens} (chunked prefill, as vLLM's default scheduler), and
 * hands each sequence that completed its pending tokens its next (greedy) token. A finished or
 * cancelled request releases its blocks at once; with prefix caching ({@link AgentPrefixCache}) a
 * request's leading full prompt blocks already in the cache are reused and not computed again.
 */
final class AgentScheduler implements AutoCloseable {
    private final JvmLlamaExecutor executor;
    private final AgentConfig config;
    private final AgentMetrics metrics;
    private final KvBlockAllocator allocator;
    private final AgentPrefixCache cache;
    private volatile int availableBlocks;
    private final LinkedBlockingQueue<AgentRequest> inbox = new LinkedBlockingQueue<>();
    private final ArrayDeque<AgentRequest> waiting = new ArrayDeque<>();
    private final List<AgentRequest> running = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    private final Thread thread;
    private volatile boolean stopped;
    private volatile int waitingCount;
    private volatile int runningCount;

    AgentScheduler(JvmLlamaExecutor executor, AgentConfig config, AgentMetrics metrics) {
        this.executor = executor;
        this.config = config;
        this.metrics = metrics;
        this.allocator = new KvBlockAllocator(executor.kvCapacity().blockCount());
        this.cache = new AgentPrefixCache(allocator, executor.kvCapacity().blockSizeTokens(), config.prefixCaching());
        this.availableBlocks = allocator.blockCount();
        this.thread = Thread.ofPlatform().name("servelab-agent-scheduler").daemon().unstarted(this::loop);
    }

    void start() {
        thread.start();
    }

    /** Queues a request; its events say how it goes (tokens, then finished or failed). */
    AgentRequest submit(int[] prompt, int maxTokens, boolean ignoreEos) {
        AgentRequest r = new AgentRequest(ids.incrementAndGet(), prompt, maxTokens, ignoreEos);
        inbox.add(r);
        return r;
    }

    /** Requests queued but not yet running, including those not yet picked up. */
    int waiting() {
        return waitingCount + inbox.size();
    }

    int running() {
        return runningCount;
    }

    int freeBlocks() {
        return availableBlocks;
    }

    int totalBlocks() {
        return allocator.blockCount();
    }

    private void loop() {
        while (!stopped) {
            try {
                if (running.isEmpty() && waiting.isEmpty()) {
                    AgentRequest r = inbox.poll(100, TimeUnit.MILLISECONDS);
                    if (r != null) waiting.add(r);
                }
                inbox.drainTo(waiting);
                dropCancelled();
                admit();
                waitingCount = waiting.size();
                runningCount = running.size();
                availableBlocks = cache.available();
                if (!running.isEmpty()) iterate();
                runningCount = running.size();
                availableBlocks = cache.available();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                failAll("agent iteration failed: " + e.getMessage());
            }
        }
    }

    /** Why a request of this size can never run here (longer than the model's context or the KV cache), or null. */
    String refusal(int promptTokens, int maxTokens) {
        long total = (long) promptTokens + maxTokens;
        long kvTokens = executor.kvCapacity().tokenCapacity();
        int context = executor.config().contextLength();
        if (context > 0 && total > context) {
            return "prompt of " + promptTokens + " tokens + max_tokens " + maxTokens + " exceeds the model's context of "
                    + context + " tokens";
        }
        if (total > kvTokens) {
            return "prompt of " + promptTokens + " tokens + max_tokens " + maxTokens + " exceeds the agent's KV cache of "
                    + kvTokens + " tokens";
        }
        return null;
    }

    private void admit() {
        int bs = executor.kvCapacity().blockSizeTokens();
        while (!waiting.isEmpty() && running.size() < config.maxNumSeqs()) {
            AgentRequest r = waiting.peek();
            int blocks = (r.totalTokens() + bs - 1) / bs;
            String refused = refusal(r.prompt.length, r.maxTokens);
            if (refused != null) {
                waiting.poll();
                r.events().add(AgentEvent.failed(refused));
                metrics.requestsFailed.incrementAndGet();
                continue;
            }
            List<Integer> hit = cache.match(r.prompt);
            if (blocks - hit.size() > cache.available()) {
                cache.release(hit);
                return;
            }
            waiting.poll();
            r.blocks.addAll(hit);
            for (int i = hit.size(); i < blocks; i++) r.blocks.add(cache.allocate());
            r.computed = hit.size() * bs;
            metrics.prefixHitTokensTotal.addAndGet(r.computed);
            running.add(r);
        }
    }

    private void iterate() {
        AgentBatch batch = AgentBatch.compose(running, config.maxNumBatchedTokens());
        List<SequenceChunk> chunks = batch.chunks();
        List<AgentRequest> members = batch.members();
        long start = System.nanoTime();
        IterationResult result = executor.run(new Iteration(chunks));
        long floorWait = config.iterationFloorNanos() - (System.nanoTime() - start);
        if (floorWait > 0) java.util.concurrent.locks.LockSupport.parkNanos(floorWait);
        metrics.iterationsTotal.incrementAndGet();
        metrics.iterationNanosTotal.addAndGet(result.elapsedNanos());
        for (int i = 0; i < members.size(); i++) {
            AgentRequest r = members.get(i);
            boolean prefilling = r.computed < r.prompt.length;
            r.computed += chunks.get(i).tokenIds().length;
            if (prefilling && r.computed >= r.prompt.length) cache.publish(r.prompt, r.blocks);
            metrics.batchedTokensTotal.addAndGet(chunks.get(i).tokenIds().length);
            if (r.computed >= r.prompt.length) emit(r, result.outputs().get(i).greedyToken());
        }
        running.removeIf(this::finishedOrCancelled);
    }

    private void emit(AgentRequest r, int token) {
        r.generated++;
        r.lastToken = token;
        metrics.generatedTokensTotal.incrementAndGet();
        r.events().add(AgentEvent.token(token, executor.tokenizer().decode(new int[] {token})));
        boolean eos = !r.ignoreEos && token == executor.tokenizer().eosToken();
        if (r.generated >= r.maxTokens || eos) {
            r.events().add(AgentEvent.finished(eos ? "stop" : "length"));
            release(r);
        }
    }

    private boolean finishedOrCancelled(AgentRequest r) {
        if (r.isCancelled() && !r.blocks.isEmpty()) release(r);
        return r.blocks.isEmpty();
    }

    private void dropCancelled() {
        waiting.removeIf(AgentRequest::isCancelled);
        running.removeIf(this::finishedOrCancelled);
    }

    private void release(AgentRequest r) {
        cache.release(r.blocks);
        r.blocks.clear();
    }

    private void failAll(String message) {
        for (Iterator<AgentRequest> it = running.iterator(); it.hasNext(); ) {
            AgentRequest r = it.next();
            r.events().add(AgentEvent.failed(message));
            release(r);
            it.remove();
            metrics.requestsFailed.incrementAndGet();
        }
    }

    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
