package dev.servelab.plugins.cachereplay;

import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.plugin.PluginKind;
import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.engine.spi.EvictionPolicy;
import dev.servelab.engine.spi.PluginContext;

import java.util.ArrayList;
import java.util.List;

/**
 * Replays a {@link BlockSequence} once per (policy, capacity) pair through the engine's KV cache
 * ({@link KvCacheReplay}), each policy a fresh instance of the registered {@code kv.*} plugin
 * created by the registry exactly as for a replica (default settings), so a third party's eviction
 * plugin on the class path is replayed like the built-ins. Results come in the order policies ×
 * capacities were given; capacity 0 means unlimited.
 */
public final class CacheReplay {
    /** Where plugin errors point: the command-line option that named the policy. */
    static final String NODE = "--policy";

    private CacheReplay() {
    }

    /** Checks that every id names a registered eviction plugin; the error lists the known ids. */
    public static void requirePolicies(PluginRegistry registry, List<String> policies) {
        for (String id : policies) registry.require(PluginKind.EVICTION, id, NODE);
    }

    public static List<ReplayResult> run(BlockSequence blocks, List<String> policies, List<Long> capacities,
                                         PluginRegistry registry) {
        requirePolicies(registry, policies);
        List<ReplayResult> out = new ArrayList<>(policies.size() * capacities.size());
        for (String policy : policies) {
            for (long capacity : capacities) {
                EvictionPolicy eviction = registry.create(PluginKind.EVICTION, policy, null, new PluginContext(0, NODE, 0));
                long hits = new KvCacheReplay(cacheBlocks(capacity, blocks), eviction).replay(blocks);
                out.add(new ReplayResult(policy, capacity, hits, blocks.totalBlocks()));
            }
        }
        return out;
    }

    /**
     * The KV cache's size for a capacity: a cache of at least as many blocks as the trace looks up never
     * evicts, so unlimited (0) and larger capacities are replayed with exactly that many blocks.
     */
    static int cacheBlocks(long capacity, BlockSequence blocks) {
        long all = Math.max(1, blocks.totalBlocks());
        long n = capacity == 0 ? all : Math.min(capacity, all);
        if (n > Integer.MAX_VALUE) {
            throw new ServeLabException("--trace: " + all + " block lookups; a replay cache holds at most " + Integer.MAX_VALUE + " blocks");
        }
        return (int) n;
    }
}
