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

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The front of the pipeline: pulls requests from the stream one at a time (one pending arrival
 * event), asks admission, routes, and hands each request to its replica. It is also the
 * {@link ClusterView} routers and admission policies see. For a closed-loop stream ({@link ClientLoop})
 * it keeps at most {@code concurrency} requests in flight: the next request is sent at the same event
 * time as the end (completion, failure or rejection) that frees its slot, plus the think time.
 */
public final class Cluster implements ClusterView, Replica.Exit {
    private final EventLoop loop;
    private final AdmissionPolicy admission;
    private final Router router;
    private final RequestStream stream;
    private final RunObserver[] observers;
    private final TokenSampler sampler;
    private RoutedReplica[] replicas;
    private int[] outstanding;
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
            int target = router.route(r, this);
            if (target < 0 || target >= replicas.length) {
                throw new IllegalStateException("router returned replica " + target + " of " + replicas.length);
            }
            Sequence s = new Sequence(r, target, sampler.sampled(index) || replicas[target].recordsEveryToken()
                    || clients.isWarmup(r.id()));
            outstanding[target]++;
            String refused = replicas[target].enqueue(s);
            if (refused != null) {
                outstanding[target]--;
                reject(r, refused, target, now);
            }
        }
    }

    private void reject(Request r, String reason, int replica, long now) {
        for (RunObserver o : observers) o.onRejected(r, reason, replica, now);
        ended(now);
    }

    @Override
    public void onExit(Sequence s, long nowNanos) {
        outstanding[s.replica()]--;
        router.onFinished(s.request(), s.replica());
        ended(nowNanos);
    }

    @Override
    public boolean onPrefilled(Sequence s, long nowNanos) {
        Handoff h = router.routeDecode(s.request(), this, s.replica());
        if (h == null || h.replica() == s.replica()) return false;
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
