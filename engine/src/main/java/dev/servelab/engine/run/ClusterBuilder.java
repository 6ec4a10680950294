package dev.servelab.engine.run;

import dev.servelab.engine.model.SplitMix64;
import dev.servelab.engine.event.EventLoop;
import dev.servelab.engine.event.WallClockPacer;
import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.pipeline.KvCacheSpec;
import dev.servelab.engine.pipeline.NodeSpec;
import dev.servelab.engine.pipeline.PipelineSpec;
import dev.servelab.engine.pipeline.PoolSpec;
import dev.servelab.engine.plugin.PluginKind;
import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.engine.replica.CpuTier;
import dev.servelab.engine.replica.OffloadTiers;
import dev.servelab.engine.spi.KvOffload;
import dev.servelab.engine.replica.KvCache;
import dev.servelab.engine.replica.RemoteReplica;
import dev.servelab.engine.replica.Replica;
import dev.servelab.engine.replica.SpeculativeVerifier;
import dev.servelab.engine.replica.RoutedReplica;
import dev.servelab.engine.observe.RunObserver;
import dev.servelab.engine.spi.AdmissionPolicy;
import dev.servelab.engine.spi.BatchScheduler;
import dev.servelab.engine.spi.EvictionPolicy;
import dev.servelab.engine.spi.BackendUse;
import dev.servelab.engine.spi.Executor;
import dev.servelab.engine.spi.ExecutorContext;
import dev.servelab.engine.spi.LiveRequestStream;
import dev.servelab.engine.spi.PluginContext;
import dev.servelab.engine.spi.RemoteEndpoint;
import dev.servelab.engine.spi.RequestStream;
import dev.servelab.engine.spi.Router;
import dev.servelab.engine.spi.TokenChannel;

import dev.servelab.engine.pipeline.FaultSpec;
import dev.servelab.engine.pipeline.ResilienceSpec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Instantiates a pipeline: one admission policy and router for the cluster, and per replica its own
 * batch scheduler, eviction policy, executor and KV cache (sized by the executor's memory model when
 * {@code capacity_blocks} is 0); per replica of a remote pool, its endpoint, fed through one
 * {@link RemoteEventInbox} that the loop waits on. Unknown ids and bad settings fail here, naming the
 * node and field.
 *
 * <p>A live run needs live executors, except in a hybrid run (one with a remote pool): there a
 * simulated pool keeps its performance model and its predicted iteration ends are waited for on the
 * wall clock, so it behaves like a device that answers in exactly the predicted time.
 */
public final class ClusterBuilder {
    private ClusterBuilder() {
    }

    public static Cluster build(PipelineSpec spec, PluginRegistry registry, RequestStream stream, EventLoop loop,
                                RunObserver[] observers) {
        return build(spec, registry, stream, loop, observers, false);
    }

    /** As {@link #build}, requiring live executors when {@code live} (for {@code run --live}). */
    public static Cluster build(PipelineSpec spec, PluginRegistry registry, RequestStream stream, EventLoop loop,
                                RunObserver[] observers, boolean live) {
        return build(spec, registry, stream, loop, observers, live, new ArrayList<>());
    }

    /** As {@link #build}, adding to {@code backends} the backend each attached executor reports (distinct). */
    static Cluster build(PipelineSpec spec, PluginRegistry registry, RequestStream stream, EventLoop loop,
                         RunObserver[] observers, boolean live, List<BackendUse> backends) {
        HeapBudget.check(spec);
        long seed = spec.seed();
        AdmissionPolicy admission = create(registry, PluginKind.ADMISSION, spec.admission(), seed, -1);
        Router router = create(registry, PluginKind.ROUTER, spec.router(), seed, -1);
        long firstN = spec.metrics().tokenSampleRequests();
        Cluster cluster = new Cluster(loop, admission, router, stream, observers,
                new TokenSampler(firstN, spec.metrics().tokenSampleStride()));
        ResilienceSpec resilience = spec.resilience();
        cluster.setResilience(resilience.retry(), resilience.health());
        Map<Integer, StragglerExecutor> stragglers = new HashMap<>();
        for (FaultSpec f : resilience.faults()) if (f.kind() == FaultSpec.FaultKind.SLOWDOWN) stragglers.put(f.replica(), null);
        RemoteEventInbox inbox = spec.hasRemotePools() ? inbox(spec, loop) : null;
        boolean needsLiveExecutors = live && inbox == null;
        TokenChannel tokens = stream instanceof TokenChannel t ? t : TokenChannel.NONE;
        List<RoutedReplica> replicas = new ArrayList<>();
        RunObserver[] shadow = shadowObservers(spec, router, observers, cluster);
        for (PoolSpec pool : spec.pools()) {
            RunObserver[] seen = router.shadowPools().contains(pool.name()) ? shadow : observers;
            for (int i = 0; i < pool.replicas(); i++) {
                replicas.add(pool.isRemote()
                        ? remote(spec, pool, replicas.size(), registry, loop, seen, cluster, inbox)
                        : replica(spec, pool, replicas.size(), registry, loop, seen, cluster, needsLiveExecutors,
                        tokens, backends, stragglers));
            }
        }
        cluster.setReplicas(replicas.toArray(RoutedReplica[]::new));
        FaultSchedule.schedule(resilience.faults(), cluster, loop, stragglers);
        router.check(cluster);
        if (inbox != null) {
            loop.setExternal(inbox);
            cluster.setProber(new EndpointProber(cluster, inbox));
        }
        if (stream instanceof LiveRequestStream liveStream) loop.setExternal(arrivals(spec, liveStream, cluster, loop, inbox));
        return cluster;
    }

    /** The observers of shadow pools (see {@link Router#mirror}); a shadow pool the pipeline lacks is an error. */
    private static RunObserver[] shadowObservers(PipelineSpec spec, Router router, RunObserver[] observers, Cluster cluster) {
        for (String name : router.shadowPools()) {
            if (spec.pools().stream().noneMatch(p -> p.name().equals(name))) {
                throw new ServeLabException(spec.router().path() + ": no pool named '" + name + "' for shadow traffic (pools: "
                        + spec.pools().stream().map(PoolSpec::name).toList() + ")");
            }
        }
        RunObserver[] shadow = {new ShadowObserver(observers)};
        cluster.setShadowObservers(shadow);
        return shadow;
    }

    private static RemoteEventInbox inbox(PipelineSpec spec, EventLoop loop) {
        if (!(loop.pacer() instanceof WallClockPacer clock)) {
            PoolSpec first = spec.pools().stream().filter(PoolSpec::isRemote).findFirst().orElseThrow();
            throw new ServeLabException(first.path() + ".kind: remote pools only run live, on the wall clock (run --live)");
        }
        return new RemoteEventInbox(clock);
    }

    /** A live stream's arrivals as the loop's external source (a pipeline with remote pools cannot also have one). */
    private static StreamArrivals arrivals(PipelineSpec spec, LiveRequestStream stream, Cluster cluster, EventLoop loop,
                                           RemoteEventInbox inbox) {
        if (inbox != null || !(loop.pacer() instanceof WallClockPacer clock)) {
            throw new ServeLabException(spec.name() + ": a live request stream needs a live run on the wall clock"
                    + " with engine pools only (no remote pool)");
        }
        return new StreamArrivals(stream, cluster, loop, clock);
    }

    private static RemoteReplica remote(PipelineSpec spec, PoolSpec pool, int index, PluginRegistry registry, EventLoop loop,
                                        RunObserver[] observers, Cluster cluster, RemoteEventInbox inbox) {
        RemoteEndpoint endpoint = create(registry, PluginKind.REMOTE, pool.endpoint(), spec.seed(), index);
        return new RemoteReplica(index, pool.path(), pool.name(), endpoint, inbox::listener, loop, observers, cluster);
    }

    private static Replica replica(PipelineSpec spec, PoolSpec pool, int index, PluginRegistry registry, EventLoop loop,
                                   RunObserver[] observers, Cluster cluster, boolean live, TokenChannel tokens,
                                   List<BackendUse> backends, Map<Integer, StragglerExecutor> stragglers) {
        long seed = spec.seed();
        KvCacheSpec kv = pool.kvCache();
        BatchScheduler scheduler = create(registry, PluginKind.SCHEDULER, pool.scheduler(), seed, index);
        EvictionPolicy eviction = create(registry, PluginKind.EVICTION, kv.eviction(), seed, index);
        Executor executor = create(registry, PluginKind.EXECUTOR, pool.executor(), seed, index);
        if (stragglers.containsKey(index)) {
            StragglerExecutor straggler = new StragglerExecutor(executor);
            stragglers.put(index, straggler);
            executor = straggler;
        }
        if (live && !executor.isLive()) {
            throw new ServeLabException(pool.executor().path() + ".type: " + pool.executor().type()
                    + " is a simulated executor; a live run needs a live backend (e.g. exec.jvm)");
        }
        PipelineCheck.checkSpeculative(pool, executor);
        try {
            executor.attach(new ExecutorContext(pool.name(), index, pool.model(), pool.hardware(), pool.tensorParallel(),
                    kv.blockSizeTokens(), kv.gpuMemoryUtilization(), mix(seed, pool.executor().path(), index), spec.baseDir(),
                    tokens, kv.memoryMarginFraction(), kv.maxModelLen() > 0 ? kv.maxModelLen() : pool.maxNumBatchedTokens(),
                    pool.speculative(), pool.lora()));
        } catch (ServeLabException e) {
            throw PipelineCheck.attachFailed(pool, e);
        }
        long adapterBytes = PipelineCheck.loraAdapterBytes(pool, executor);
        BackendUse use = executor.backendUse();
        if (use != null && !backends.contains(use)) backends.add(use);
        int capacity = kv.capacityBlocks();
        if (capacity == 0) {
            capacity = executor.kvCapacityBlocks(kv.blockSizeTokens());
            if (capacity <= 0) throw PipelineCheck.cannotSizeKv(pool, capacity);
        }
        if (kv.capacityBlocks() == 0) HeapBudget.checkBlocks(pool, capacity);
        OffloadTiers tier = kv.cpuTierBlocks() > 0 ? new CpuTier(kv.cpuTierBlocks(), Math.round(kv.cpuReloadMsPerBlock() * 1e6)) : null;
        if (kv.offload() != null) tier = offloadTiers(pool, kv, executor, tier);
        KvCache cache = new KvCache(capacity, kv.blockSizeTokens(), eviction, tier, (int) (kv.watermarkFraction() * capacity));
        Replica replica = new Replica(index, pool.name(), scheduler, executor, cache, kv.prefixCaching(), pool.maxNumSeqs(),
                pool.maxNumBatchedTokens(), loop, observers, cluster);
        if (pool.speculative() != null) {
            replica.speculate(new SpeculativeVerifier(pool.speculative(), mix(seed, pool.path() + ".speculative", index)));
        }
        if (pool.lora() != null) replica.serveLora(pool.lora(), adapterBytes);
        return replica;
    }

    /** The pool's tiered offload (below the simple CPU tier, if both: a disk tier under {@code cpu_tier_blocks}). */
    private static OffloadTiers offloadTiers(PoolSpec pool, KvCacheSpec kv, Executor executor, OffloadTiers simple) {
        double perToken = kv.offload().kvBytesPerToken() > 0 ? kv.offload().kvBytesPerToken() : executor.kvBytesPerToken();
        if (!(perToken > 0)) {
            throw new ServeLabException(pool.path() + ".kv_cache.kv_bytes_per_token: required for cpu_tier/disk_tier with executor "
                    + pool.executor().type() + ", which does not know the model's KV bytes per token");
        }
        KvOffload o = kv.offload();
        if (simple != null) {
            o = new KvOffload(new KvOffload.Tier(kv.cpuTierBlocks(), 0, kv.blockSizeTokens() * perToken / (kv.cpuReloadMsPerBlock() * 1e6), 0),
                    o.disk(), o.policy(), o.overlap(), o.kvBytesPerToken());
        }
        return OffloadTiers.of(o, kv.blockSizeTokens() * perToken);
    }

    private static <T> T create(PluginRegistry registry, PluginKind kind, NodeSpec node, long seed, int replica) {
        return registry.create(kind, node.type(), node.settings(), new PluginContext(mix(seed, node.path(), replica), node.path(), replica));
    }

    /** A per-node seed: the run's seed mixed with the node path and replica index (SplitMix64 finaliser). */
    static long mix(long seed, String path, int replica) {
        return SplitMix64.mix(seed * SplitMix64.GOLDEN_GAMMA + path.hashCode() * 31L + replica);
    }
}
