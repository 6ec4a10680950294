package dev.servelab.engine.run;

import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.pipeline.KvCacheSpec;
import dev.servelab.engine.pipeline.NodeSpec;
import dev.servelab.engine.pipeline.PipelineSpec;
import dev.servelab.engine.pipeline.PoolSpec;
import dev.servelab.engine.plugin.PluginKind;
import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.engine.plugin.SettingProblem;
import dev.servelab.engine.spi.Executor;
import dev.servelab.engine.spi.ExecutorContext;
import dev.servelab.engine.spi.PluginContext;
import dev.servelab.engine.spi.SpeculativeDecoding;
import dev.servelab.engine.workload.WorkloadFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a run of a loaded pipeline would refuse before its first event, found without running it and
 * without stopping at the first: every node's plugin id and settings (the binder), a trace file that
 * does not exist, and each engine pool's model, hardware and KV sizing as its executor resolves them
 * (one simulated executor per pool is attached; a live executor is not, since attaching loads its model).
 * Each problem is worded as {@link ClusterBuilder} and {@link WorkloadFactory#open} word it, so an
 * editor can show exactly what Run would say.
 */
public final class PipelineCheck {
    private PipelineCheck() {
    }

    public static List<SettingProblem> problems(PipelineSpec spec, PluginRegistry registry) {
        return problems(spec, registry, new java.util.HashMap<>());
    }

    /**
     * As {@link #problems(PipelineSpec, PluginRegistry)}, remembering each pool's attach outcome in {@code attached}
     * (an editor validating after every edit passes the same map; the outcome depends only on the key's fields).
     */
    public static List<SettingProblem> problems(PipelineSpec spec, PluginRegistry registry, Map<AttachKey, List<SettingProblem>> attached) {
        List<SettingProblem> out = new ArrayList<>(WorkloadFactory.problems(registry, spec.workload(), spec.baseDir()));
        out.addAll(node(registry, PluginKind.ADMISSION, spec.admission()));
        out.addAll(node(registry, PluginKind.ROUTER, spec.router()));
        for (PoolSpec pool : spec.pools()) {
            if (pool.isRemote()) {
                out.addAll(node(registry, PluginKind.REMOTE, pool.endpoint()));
                continue;
            }
            out.addAll(node(registry, PluginKind.SCHEDULER, pool.scheduler()));
            out.addAll(node(registry, PluginKind.EVICTION, pool.kvCache().eviction()));
            List<SettingProblem> executor = node(registry, PluginKind.EXECUTOR, pool.executor());
            out.addAll(executor);
            if (executor.isEmpty()) out.addAll(attached.computeIfAbsent(AttachKey.of(spec, pool), k -> attach(spec, pool, registry)));
        }
        return out;
    }

    /** What a pool's executor attach depends on. */
    public record AttachKey(String poolPath, String poolName, String executor, String executorSettings, String model,
                            String hardware, int tensorParallel, KvCacheSpec kvCache, java.nio.file.Path baseDir, long seed,
                            SpeculativeDecoding speculative, dev.servelab.engine.spi.MultiLora lora) {
        static AttachKey of(PipelineSpec spec, PoolSpec pool) {
            return new AttachKey(pool.path(), pool.name(), pool.executor().type(), String.valueOf(pool.executor().settings()),
                    pool.model(), pool.hardware(), pool.tensorParallel(), pool.kvCache(), spec.baseDir(), spec.seed(),
                    pool.speculative(), pool.lora());
        }
    }

    private static List<SettingProblem> node(PluginRegistry registry, PluginKind kind, NodeSpec n) {
        return registry.problems(kind, n.type(), n.settings(), n.path());
    }

    /** Attaches one simulated executor of the pool as replica 0 would be, and sizes its KV cache. */
    private static List<SettingProblem> attach(PipelineSpec spec, PoolSpec pool, PluginRegistry registry) {
        NodeSpec x = pool.executor();
        try {
            Executor executor = registry.create(PluginKind.EXECUTOR, x.type(), x.settings(),
                    new PluginContext(ClusterBuilder.mix(spec.seed(), x.path(), 0), x.path(), 0));
            if (executor.isLive()) return List.of();
            checkSpeculative(pool, executor);
            KvCacheSpec kv = pool.kvCache();
            try {
                executor.attach(new ExecutorContext(pool.name(), 0, pool.model(), pool.hardware(), pool.tensorParallel(),
                        kv.blockSizeTokens(), kv.gpuMemoryUtilization(), ClusterBuilder.mix(spec.seed(), x.path(), 0),
                        spec.baseDir(), null, kv.memoryMarginFraction(),
                        kv.maxModelLen() > 0 ? kv.maxModelLen() : pool.maxNumBatchedTokens(), pool.speculative(),
                        pool.lora()));
            } catch (ServeLabException e) {
                throw attachFailed(pool, e);
            }
            loraAdapterBytes(pool, executor);
            if (kv.capacityBlocks() == 0) {
                int capacity = executor.kvCapacityBlocks(kv.blockSizeTokens());
                if (capacity <= 0) throw cannotSizeKv(pool, capacity);
            }
            return List.of();
        } catch (ServeLabException e) {
            return List.of(SettingProblem.fromMessage(e.getMessage(), pool.path()));
        }
    }

    /** A pool's executor refused its context (unknown model or hardware, …): the field under the pool, and the executor. */
    static ServeLabException attachFailed(PoolSpec pool, ServeLabException e) {
        return new ServeLabException(pool.path() + "." + e.getMessage() + " (executor " + pool.executor().type() + ")", e);
    }

    /** A pool with {@code speculative} needs an executor that times it; throws naming the field otherwise. */
    static void checkSpeculative(PoolSpec pool, Executor executor) {
        if (pool.speculative() == null || executor.supportsSpeculative()) return;
        throw new ServeLabException(pool.path() + ".speculative: executor " + pool.executor().type()
                + " does not model speculative decoding (exec.roofline and exec.operators do)");
    }

    /**
     * A pool with {@code lora} needs an executor that sizes adapters (after attach); returns the bytes of one
     * adapter slot (0 without {@code lora}), throws naming the field otherwise.
     */
    static long loraAdapterBytes(PoolSpec pool, Executor executor) {
        if (pool.lora() == null) return 0;
        long bytes = executor.loraAdapterBytes();
        if (bytes >= 0) return bytes;
        throw new ServeLabException(pool.path() + ".lora: executor " + pool.executor().type()
                + " does not model multi-LoRA (exec.roofline and exec.operators do)");
    }

    /** The executor could not size the KV cache ({@code capacity} 0: the weights do not fit). */
    static ServeLabException cannotSizeKv(PoolSpec pool, int capacity) {
        return new ServeLabException(pool.path() + ".kv_cache.capacity_blocks: " + pool.executor().type()
                + " cannot size the KV cache for " + pool.model() + " on " + pool.hardware()
                + (capacity == 0 ? " (the weights do not fit in memory)" : "") + "; set capacity_blocks");
    }
}
