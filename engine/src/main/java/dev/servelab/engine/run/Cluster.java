package dev.servelab.engine.run;

import dev.servelab.engine.event.EventLoop;
import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.model.Admission;
import dev.servelab.engine.model.Request;
import dev.servelab.engine.replica.RemoteReplica;
import dev.servelab.engine.replica.Replica;
import dev.servelab.engine.replica.RoutedReplica;
import dev.servelab.engine.observe.RunObserver;
import dev.servelab.engine.replica.Sequence;
import dev.servelab.engine.spi.AdmissionPolicy;
import dev.servelab.engine.spi.ClientLoop;
import dev.servelab.engine.spi.ClusterView;
import dev.servelab.engine.spi.Handoff;
import dev.servelab.engine.spi.LiveRequestStream;
import dev.servelab.engine.spi.RequestStream;
import dev.servelab.engine.spi.Router;

import dev.servelab.engine.metrics.FaultMetrics;
import dev.servelab.engine.model.ClusterEvent;
import dev.servelab.engine.model.ClusterEventKind;
import dev.servelab.engine.model.FailureKind;
import dev.servelab.engine.pipeline.HealthSpec;
import dev.servelab.engine.pipeline.RetrySpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The front of the pipeline: pulls requests from the stream one at a time (one pending arrival
 * event), asks admission, routes, and hands each request to its replica. It is also the
 * {@link ClusterView} routers and admission policies see. For a closed-loop stream ({@link ClientLoop})
 * it keeps at most {@code concurrency} requests in flight: the next request is sent at the same event
 * time as the end (completion, failure or rejection) that frees its slot, plus the think time.
 *
 * <p>Health (decision 0007): replicas report failures and answers here; a replica with
 * {@code health.unhealthy_after_failures} consecutive failures is out of routing, probed after a
 * back-off and re-admitted when it answers. Routers are not changed: when one picks an unhealthy
 * replica, the cluster sends the request to the healthy replica with the fewest outstanding
 * requests, in the same pool if it has one (any pool otherwise; the router's pick when none is
 * healthy). A failed request is sent again to another healthy replica per the {@code retry:} policy.
 */
public final class Cluster implements ClusterView, Replica.Exit {
    private final EventLoop loop;
    private final AdmissionPolicy admission;
    private final Router router;
    private final RequestStream stream;
    private final RunObserver[] observers;
    private final TokenSampler sampler;
    private RunObserver[] shadowObservers;
    private RoutedReplica[] replicas;
    private int[] outstanding;
    private ReplicaHealth health;
    private RetrySpec retry = RetrySpec.NONE;
    private HealthSpec healthSpec = HealthSpec.DEFAULT;
    /** Attempts so far of requests that failed at least once (retry only). */
    private final Map<Long, Integer> attempts = new HashMap<>();
    private Prober prober;
    private FaultMetrics faultMetrics;
    private Request pending;
    private long lastArrivalNanos;
    private long arrivals;
    private final Runnable arrive = this::arrive;
    private final ClientLoop clients;
    private int freeSlots;
    private boolean waitingForSlot;
    private final Runnable arriveInSlot = this::arriveInSlot;
    private final Runnable slotFreed = this::slotFreed;

    Cluster(EventLoop loop, AdmissionPolicy admission, Router router, RequestStream stream, RunObserver[] observers,
            TokenSampler sampler) {
        this.loop = loop;
        this.admission = admission;
        this.router = router;
        this.stream = stream;
        this.observers = observers;
        this.sampler = sampler;
        this.clients = stream.clients();
        this.freeSlots = clients.concurrency();
    }

    void setReplicas(RoutedReplica[] replicas) {
        this.replicas = replicas;
        this.outstanding = new int[replicas.length];
        this.health = new ReplicaHealth(healthSpec, replicas.length);
    }

    /** Takes the pipeline's {@code retry:} and {@code health:} settings (before {@link #setReplicas}). */
    void setResilience(RetrySpec retry, HealthSpec health) {
        this.retry = retry;
        this.healthSpec = health;
    }

    /** How unhealthy replicas are probed (remote replicas in a live run); without one, only an answer or a fault's end re-admits. */
    void setProber(Prober prober) {
        this.prober = prober;
    }

    /** Where crashes report the KV they lose (pipelines with retry or faults). */
    void setFaultMetrics(FaultMetrics metrics) {
        this.faultMetrics = metrics;
    }

    /** Checks whether a down replica answers, later, and reports back with {@link #probed} on the loop thread. */
    interface Prober {
        void probe(int replica, long afterNanos);
    }

    /** The observers that mirrored (shadow) copies report to: the run store, not the user-facing metrics. */
    void setShadowObservers(RunObserver[] shadowObservers) {
        this.shadowObservers = shadowObservers;
    }

    RoutedReplica replica(int i) {
        return replicas[i];
    }

    /** The replicas that are remote endpoints, in index order (none in a simulated run). */
    public java.util.List<RemoteReplica> remoteReplicas() {
        java.util.List<RemoteReplica> out = new java.util.ArrayList<>();
        for (RoutedReplica r : replicas) if (r instanceof RemoteReplica rr) out.add(rr);
        return out;
    }

    /**
     * Schedules the first arrival; a {@link LiveRequestStream} is not pulled (its requests come in
     * through {@link StreamArrivals}). Call on the loop's thread, before running the loop.
     */
    public void start() {
        if (!(stream instanceof LiveRequestStream)) scheduleNext();
    }

    public long arrivals() {
        return arrivals;
    }

    private void scheduleNext() {
        try {
            pending = stream.next();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (pending == null) return;
        if (pending.arrivalNanos() < lastArrivalNanos) {
            throw new ServeLabException("request " + pending.id() + " arrives at " + pending.arrivalNanos()
                    + " ns, before the previous request (" + lastArrivalNanos + " ns): traces must be in arrival order");
        }
        lastArrivalNanos = pending.arrivalNanos();
        if (!clients.isClosed()) loop.at(pending.arrivalNanos(), arrive);
        else if (freeSlots > 0) sendPending();
        else waitingForSlot = true;
    }

    /** Takes a slot for the pending request and sends it at its time, or now if that has passed. */
    private void sendPending() {
        freeSlots--;
        waitingForSlot = false;
        loop.at(Math.max(loop.nowNanos(), pending.arrivalNanos()), arriveInSlot);
    }

    private void arriveInSlot() {
        Request r = pending;
        long now = loop.nowNanos();
        arrive(r.arrivalNanos() < now ? r.withIdAndArrival(r.id(), now) : r);
        scheduleNext();
    }

    /** A request ended: its slot frees after the think time (at once, same event time, without one). */
    private void ended(long nowNanos) {
        if (!clients.isClosed()) return;
        if (clients.thinkNanos() == 0) slotFreed();
        else loop.at(nowNanos + clients.thinkNanos(), slotFreed);
    }

    private void slotFreed() {
        freeSlots++;
        if (waitingForSlot) sendPending();
    }

    private void arrive() {
        arrive(pending);
        scheduleNext();
    }

    /** Asks every local replica to end request {@code requestId} early (see {@link Replica#stop}). */
    void stop(long requestId) {
        for (RoutedReplica r : replicas) {
            if (r instanceof Replica local && local.stop(requestId)) return;
        }
    }

    /** Admits, routes and queues {@code r} at the loop's current time (live arrivals come straight here). */
    void arrive(Request r) {
        long now = loop.nowNanos();
        long index = arrivals++;
        for (RunObserver o : observers) o.onArrival(r, now);
        Admission verdict = admission.decide(r, this);
        if (!verdict.accepted()) {
            reject(r, verdict.reason() == null ? "rejected by admission" : verdict.reason(), -1, now);
        } else {
            int target = healthyTarget(routed(r), -1);
            if (health.faulted(target) && replicas[target] instanceof Replica) {
                reject(r, "no healthy replica: replica " + target + " is down (injected fault)", target, now);
                return;
            }
            Sequence s = new Sequence(r, target, sampler.sampled(index) || replicas[target].recordsEveryToken()
                    || clients.isWarmup(r.id()));
            outstanding[target]++;
            String refused = replicas[target].enqueue(s);
            if (refused != null) {
                outstanding[target]--;
                reject(r, refused, target, now);
            }
            mirror(r, now);
        }
    }

    /** Sends the router's shadow copy of {@code r}, if it asks for one (see {@link Router#mirror}). */
    private void mirror(Request r, long now) {
        int m = router.mirror(r, this);
        if (m < 0) return;
        if (m >= replicas.length || shadowObservers == null || !router.shadowPools().contains(replicas[m].poolName())) {
            throw new IllegalStateException("router mirrored to replica " + m + ", not in a shadow pool " + router.shadowPools());
        }
        Request copy = r.withIdAndArrival(r.id() + Router.SHADOW_ID_OFFSET, r.arrivalNanos());
        outstanding[m]++;
        String refused = replicas[m].enqueue(new Sequence(copy, m, replicas[m].recordsEveryToken()));
        if (refused != null) {
            outstanding[m]--;
            for (RunObserver o : shadowObservers) o.onRejected(copy, refused, m, now);
        }
    }

    private int routed(Request r) {
        int target = router.route(r, this);
        if (target < 0 || target >= replicas.length) {
            throw new IllegalStateException("router returned replica " + target + " of " + replicas.length);
        }
        return target;
    }

    /**
     * The router's pick if it is healthy and not {@code excluded}; else the healthy replica (not
     * excluded) with the fewest outstanding requests, same pool first, lowest index on ties; else
     * the pick itself for a new request (nothing healthy: fail open), -1 for a retry.
     */
    private int healthyTarget(int pick, int excluded) {
        if (pick != excluded && (health.allHealthy() || health.healthy(pick))) return pick;
        int best = bestHealthy(pick, excluded, true);
        if (best < 0) best = bestHealthy(pick, excluded, false);
        if (best >= 0) return best;
        return excluded < 0 ? pick : -1;
    }

    private int bestHealthy(int pick, int excluded, boolean samePool) {
        int best = -1;
        for (int i = 0; i < replicas.length; i++) {
            if (i == excluded || !health.healthy(i)) continue;
            if (samePool && !replicas[i].poolName().equals(replicas[pick].poolName())) continue;
            if (best < 0 || outstanding[i] < outstanding[best]) best = i;
        }
        return best;
    }

    @Override
    public boolean healthy(int replica) {
        return health.healthy(replica);
    }

    @Override
    public boolean onFailed(Sequence s, FailureKind kind, String reason, long nowNanos) {
        if (kind == FailureKind.CANCELLED) return false;
        int from = s.replica();
        if (kind.countsAgainstHealth() && health.failed(from, nowNanos)) markUnhealthy(from, kind, reason, nowNanos);
        long id = s.request().id();
        int tried = attempts.getOrDefault(id, 1);
        if (!retry.retries(kind, tried)) {
            attempts.remove(id);
            return false;
        }
        int target = healthyTarget(routed(s.request()), from);
        if (target < 0) {
            attempts.remove(id);
            return false;
        }
        attempts.put(id, tried + 1);
        emit(new ClusterEvent(nowNanos, ClusterEventKind.REQUEST_RETRIED, target, "request " + id + " attempt " + (tried + 1)
                + " after " + kind.key() + " on replica " + from + ": " + reason));
        Sequence again = new Sequence(s.request(), target, s.isSampled() || replicas[target].recordsEveryToken());
        outstanding[target]++;
        String refused = replicas[target].enqueue(again);
        if (refused != null) {
            outstanding[target]--;
            reject(s.request(), refused, target, nowNanos);
        }
        return true;
    }

    private void markUnhealthy(int replica, FailureKind kind, String reason, long nowNanos) {
        emit(new ClusterEvent(nowNanos, ClusterEventKind.REPLICA_UNHEALTHY, replica,
                healthSpec.unhealthyAfterFailures() + " consecutive failures, last " + kind.key() + ": " + reason));
        if (prober != null) prober.probe(replica, health.nextProbeNanos(replica));
    }

    @Override
    public void onAnswered(int replica, long sentNanos, long nowNanos) {
        if (health.answered(replica, sentNanos)) {
            emit(new ClusterEvent(nowNanos, ClusterEventKind.REPLICA_HEALTHY, replica, "answered a request"));
        }
    }

    /** A probe of {@code replica} came back (on the loop thread): re-admit it, or probe again after a longer back-off. */
    void probed(int replica, boolean answered, long nowNanos) {
        if (health.healthy(replica) || health.faulted(replica)) return;
        if (answered) {
            health.answered(replica, nowNanos);
            emit(new ClusterEvent(nowNanos, ClusterEventKind.REPLICA_HEALTHY, replica, "answered a probe"));
        } else if (prober != null) {
            prober.probe(replica, health.nextProbeNanos(replica));
        }
    }

    /** An injected fault holds {@code replica} out of routing ({@code true}) or lets it back ({@code false}). */
    void faultHold(int replica, boolean active) {
        health.fault(replica, active);
    }

    /**
     * Injected crash of {@code replica}: out of routing until {@link #restart}; an engine replica drops
     * its requests and KV cache, a remote one is cut off; each dropped request fails or is retried.
     */
    void crash(int replica, String what) {
        long now = loop.nowNanos();
        health.fault(replica, true);
        String reason = "replica " + replica + " crashed (injected fault)";
        if (replicas[replica] instanceof Replica local) {
            Replica.Crash c = local.crash(now);
            kvLost(c.kvBlocksLost(), c.kvTokensLost());
            emit(new ClusterEvent(now, ClusterEventKind.REPLICA_CRASHED, replica, what + "; dropped " + c.dropped().size()
                    + " requests, lost " + c.kvBlocksLost() + " KV blocks (" + c.kvTokensLost() + " tokens computed)"));
            for (Sequence s : c.dropped()) {
                onExit(s, now);
                if (!onFailed(s, FailureKind.CRASH, reason, now)) {
                    for (RunObserver o : observers) o.onFailed(s, reason, now);
                }
            }
        } else if (replicas[replica] instanceof RemoteReplica remote) {
            emit(new ClusterEvent(now, ClusterEventKind.REPLICA_CRASHED, replica, what + "; " + remote.inFlightCount()
                    + " requests in flight cut off"));
            remote.cut(reason, FailureKind.CRASH, now);
        }
    }

    /** The crashed replica is back, with a cold cache, and in routing again. */
    void restart(int replica) {
        health.fault(replica, false);
        if (replicas[replica] instanceof RemoteReplica remote) remote.reconnect();
        emit(new ClusterEvent(loop.nowNanos(), ClusterEventKind.REPLICA_RESTARTED, replica, "back with a cold cache"));
    }

    /** A crash dropped KV (counted in the summary when the pipeline has retry or faults). */
    void kvLost(long blocks, long tokens) {
        if (faultMetrics != null) faultMetrics.kvLost(blocks, tokens);
    }

    @Override
    public void emit(ClusterEvent event) {
        for (RunObserver o : observers) o.onClusterEvent(event);
    }

    private void reject(Request r, String reason, int replica, long now) {
        for (RunObserver o : observers) o.onRejected(r, reason, replica, now);
        ended(now);
    }

    @Override
    public void onExit(Sequence s, long nowNanos) {
        outstanding[s.replica()]--;
        router.onFinished(s.request(), s.replica());
        if (!attempts.isEmpty() && s.state() == Sequence.State.FINISHED) attempts.remove(s.request().id());
        ended(nowNanos);
    }

    @Override
    public boolean onPrefilled(Sequence s, long nowNanos) {
        Handoff h = router.routeDecode(s.request(), this, s.replica());
        if (h == null || h.replica() == s.replica()) return false;
        if (!health.allHealthy() && !health.healthy(h.replica())) return false;
        if (h.replica() < 0 || h.replica() >= replicas.length) {
            throw new IllegalStateException("router handed off to replica " + h.replica() + " of " + replicas.length);
        }
        Sequence moved = s.handedOffTo(h.replica());
        outstanding[s.replica()]--;
        outstanding[h.replica()]++;
        loop.at(nowNanos + h.transferNanos(), () -> {
            String refused = replicas[h.replica()].enqueue(moved);
            if (refused != null) {
                outstanding[h.replica()]--;
                reject(moved.request(), refused, h.replica(), loop.nowNanos());
            }
        });
        return true;
    }

    @Override
    public int replicaCount() {
        return replicas.length;
    }

    @Override
    public long nowNanos() {
        return loop.nowNanos();
    }

    @Override
    public String poolName(int replica) {
        return replicas[replica].poolName();
    }

    @Override
    public int outstandingRequests(int replica) {
        return outstanding[replica];
    }

    @Override
    public int waitingRequests(int replica) {
        return replicas[replica].waitingCount();
    }

    @Override
    public int runningRequests(int replica) {
        return replicas[replica].runningCount();
    }

    @Override
    public long outstandingTokens(int replica) {
        return replicas[replica].outstandingTokens();
    }

    @Override
    public boolean holdsAdapter(int replica, dev.servelab.engine.model.AdapterId adapter) {
        return replicas[replica].holdsAdapter(adapter);
    }

    @Override
    public double kvUsage(int replica) {
        return replicas[replica].kvUsage();
    }

    @Override
    public int kvCapacityBlocks(int replica) {
        return replicas[replica].kvCapacityBlocks();
    }

    @Override
    public int kvBlockSizeTokens(int replica) {
        return replicas[replica].blockSizeTokens();
    }
}
