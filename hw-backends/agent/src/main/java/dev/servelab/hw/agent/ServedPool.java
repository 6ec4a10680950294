package dev.servelab.hw.agent;

import dev.servelab.engine.event.EventLoop;
import dev.servelab.engine.event.WallClockPacer;
import dev.servelab.engine.observe.RunObserver;
import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.engine.run.Cluster;
import dev.servelab.engine.run.ClusterBuilder;
import java.util.concurrent.CancellationException;

/**
 * The pool the agent serves, running live: the engine's cluster for the {@link AgentPool} (one
 * replica with the pool's scheduler, KV cache, eviction and live executor, built through the plugin
 * registry exactly as {@code servelab run --live} builds it) on an event loop paced by the wall clock,
 * fed by the {@link HttpRequestStream}. The loop runs on its own thread until {@link #close()}; if it
 * fails, open requests fail with the reason and new ones are refused.
 */
final class ServedPool implements AutoCloseable {
    private final AgentPool pool;
    private final HttpRequestStream stream;
    private final EventLoop loop;
    private final Cluster cluster;
    private final int contextLength;
    private final Thread thread;
    private volatile String broken;

    private ServedPool(AgentPool pool, HttpRequestStream stream, int contextLength) {
        this.pool = pool;
        this.stream = stream;
        this.contextLength = contextLength;
        this.loop = new EventLoop(new WallClockPacer(1.0));
        this.cluster = ClusterBuilder.build(pool.spec(), PluginRegistry.load(), stream, loop, new RunObserver[] {stream}, true);
        this.thread = Thread.ofPlatform().name("servelab-agent-loop").daemon().unstarted(this::run);
    }

    /** Builds the pool (loading the model into its executor) and starts its loop. */
    static ServedPool start(AgentPool pool, HttpRequestStream stream, int contextLength) {
        ServedPool p = new ServedPool(pool, stream, contextLength);
        p.thread.start();
        return p;
    }

    private void run() {
        try {
            ((WallClockPacer) loop.pacer()).restart();
            cluster.start();
            loop.run();
        } catch (CancellationException e) {
            stream.failAll("agent stopped");
        } catch (RuntimeException e) {
            broken = "agent iteration failed: " + e.getMessage();
            stream.failAll(broken);
        }
    }

    HttpRequestStream stream() {
        return stream;
    }

    AgentPool pool() {
        return pool;
    }

    /** Why the pool takes no more requests (its loop failed), or null. */
    String broken() {
        return broken;
    }

    int blockSizeTokens() {
        return cluster.kvBlockSizeTokens(0);
    }

    int totalBlocks() {
        return cluster.kvCapacityBlocks(0);
    }

    int freeBlocks() {
        return totalBlocks() - stream.kvUsedBlocks();
    }

    long tokenCapacity() {
        return (long) totalBlocks() * blockSizeTokens();
    }

    /** Why a request of this size can never run here (longer than the model's context or the KV cache), or null. */
    String refusal(int promptTokens, int maxTokens) {
        long total = (long) promptTokens + maxTokens;
        if (contextLength > 0 && total > contextLength) {
            return "prompt of " + promptTokens + " tokens + max_tokens " + maxTokens + " exceeds the model's context of "
                    + contextLength + " tokens";
        }
        if (total > tokenCapacity()) {
            return "prompt of " + promptTokens + " tokens + max_tokens " + maxTokens + " exceeds the agent's KV cache of "
                    + tokenCapacity() + " tokens";
        }
        return null;
    }

    @Override
    public void close() {
        stream.close();
        loop.cancel();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
