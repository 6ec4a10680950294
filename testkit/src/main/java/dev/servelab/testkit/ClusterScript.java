package dev.servelab.testkit;

import dev.servelab.engine.model.Admission;
import dev.servelab.engine.model.Request;
import dev.servelab.engine.spi.AdmissionPolicy;
import dev.servelab.engine.spi.ClusterView;
import dev.servelab.engine.spi.Router;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * A cluster state written by hand, for asking a {@link Router} or an {@link AdmissionPolicy} what it
 * decides. Every replica starts idle (no waiting or running request, no outstanding tokens, empty KV
 * cache of 1,000 blocks of 16 tokens) in one pool named {@code pool}; setters take one value per
 * replica or, with the {@code At} suffix, change one replica, and all return this script so a state
 * reads as one expression. {@code outstandingRequests} is waiting plus running, as in the engine.
 * The script stays mutable: change it between two calls to replay how a policy reacts over time.
 */
public final class ClusterScript implements ClusterView {
    private final String[] pools;
    private final int[] waiting;
    private final int[] running;
    private final long[] tokens;
    private final double[] kvUsage;
    private final int[] kvCapacity;
    private final int[] blockSize;
    private long nowNanos;
    private final java.util.Map<Integer, java.util.Set<dev.servelab.engine.model.AdapterId>> adapters = new java.util.HashMap<>();

    private ClusterScript(int replicas) {
        if (replicas < 1) throw new IllegalArgumentException("a cluster needs at least one replica");
        pools = new String[replicas];
        Arrays.fill(pools, "pool");
        waiting = new int[replicas];
        running = new int[replicas];
        tokens = new long[replicas];
        kvUsage = new double[replicas];
        kvCapacity = new int[replicas];
        Arrays.fill(kvCapacity, 1000);
        blockSize = new int[replicas];
        Arrays.fill(blockSize, 16);
    }

    /** {@code replicas} idle replicas in one pool. */
    public static ClusterScript of(int replicas) {
        return new ClusterScript(replicas);
    }

    /** Puts the replicas {@code from .. from+count-1} in pool {@code name}. */
    public ClusterScript pool(String name, int from, int count) {
        for (int i = from; i < from + count; i++) pools[check(i)] = name;
        return this;
    }

    public ClusterScript now(long nanos) {
        nowNanos = nanos;
        return this;
    }

    public ClusterScript waiting(int... perReplica) {
        copy(perReplica, waiting);
        return this;
    }

    public ClusterScript running(int... perReplica) {
        copy(perReplica, running);
        return this;
    }

    public ClusterScript tokens(long... perReplica) {
        sized(perReplica.length);
        System.arraycopy(perReplica, 0, tokens, 0, perReplica.length);
        return this;
    }

    public ClusterScript kvUsage(double... perReplica) {
        sized(perReplica.length);
        for (double u : perReplica) if (u < 0 || u > 1) throw new IllegalArgumentException("KV usage " + u + " is outside [0, 1]");
        System.arraycopy(perReplica, 0, kvUsage, 0, perReplica.length);
        return this;
    }

    public ClusterScript kvCapacity(int... perReplica) {
        copy(perReplica, kvCapacity);
        return this;
    }

    public ClusterScript blockSize(int tokensPerBlock) {
        Arrays.fill(blockSize, tokensPerBlock);
        return this;
    }

    public ClusterScript waitingAt(int replica, int requests) {
        waiting[check(replica)] = requests;
        return this;
    }

    public ClusterScript runningAt(int replica, int requests) {
        running[check(replica)] = requests;
        return this;
    }

    public ClusterScript tokensAt(int replica, long outstandingTokens) {
        tokens[check(replica)] = outstandingTokens;
        return this;
    }

    public ClusterScript kvUsageAt(int replica, double usage) {
        kvUsage[check(replica)] = usage;
        return this;
    }

    /** The router's choice for {@code request}; fails when it is not a replica of this cluster. */
    public int route(Router router, Request request) {
        int r = router.route(request, this);
        if (r < 0 || r >= replicaCount()) throw new AssertionError("router returned replica " + r + " of " + replicaCount());
        return r;
    }

    /**
     * How often each replica is chosen for {@code count} requests made by {@code requests} (given
     * 0, 1, ...), the state unchanged between them; replicas never chosen are left out.
     */
    public Map<Integer, Integer> routeMany(Router router, int count, LongFunction<Request> requests) {
        Map<Integer, Integer> chosen = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) chosen.merge(route(router, requests.apply(i)), 1, Integer::sum);
        return chosen;
    }

    /** The admission policy's verdict; fails when it rejects without a reason. */
    public Admission admit(AdmissionPolicy policy, Request request) {
        Admission a = policy.decide(request, this);
        if (a == null) throw new AssertionError("admission policy returned null for request " + request.id());
        if (!a.accepted() && (a.reason() == null || a.reason().isBlank())) {
            throw new AssertionError("request " + request.id() + " rejected without a reason");
        }
        return a;
    }

    private void copy(int[] from, int[] to) {
        sized(from.length);
        System.arraycopy(from, 0, to, 0, from.length);
    }

    private void sized(int n) {
        if (n != pools.length) throw new IllegalArgumentException(n + " values for " + pools.length + " replicas");
    }

    /** Replica {@code replica} holds LoRA adapters {@code adapterIds} (replacing what it held). */
    public ClusterScript holds(int replica, int... adapterIds) {
        java.util.Set<dev.servelab.engine.model.AdapterId> set = new java.util.HashSet<>();
        for (int id : adapterIds) set.add(dev.servelab.engine.model.AdapterId.of(id));
        adapters.put(check(replica), set);
        return this;
    }

    @Override
    public boolean holdsAdapter(int replica, dev.servelab.engine.model.AdapterId adapter) {
        return adapters.getOrDefault(check(replica), java.util.Set.of()).contains(adapter);
    }

    private int check(int replica) {
        if (replica < 0 || replica >= pools.length) throw new IllegalArgumentException("no replica " + replica + " of " + pools.length);
        return replica;
    }

    @Override
    public int replicaCount() {
        return pools.length;
    }

    @Override
    public long nowNanos() {
        return nowNanos;
    }

    @Override
    public String poolName(int replica) {
        return pools[replica];
    }

    @Override
    public int outstandingRequests(int replica) {
        return waiting[replica] + running[replica];
    }

    @Override
    public int waitingRequests(int replica) {
        return waiting[replica];
    }

    @Override
    public int runningRequests(int replica) {
        return running[replica];
    }

    @Override
    public long outstandingTokens(int replica) {
        return tokens[replica];
    }

    @Override
    public double kvUsage(int replica) {
        return kvUsage[replica];
    }

    @Override
    public int kvCapacityBlocks(int replica) {
        return kvCapacity[replica];
    }

    @Override
    public int kvBlockSizeTokens(int replica) {
        return blockSize[replica];
    }
}
