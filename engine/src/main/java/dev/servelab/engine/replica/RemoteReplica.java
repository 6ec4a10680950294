package dev.servelab.engine.replica;

import dev.servelab.engine.observe.LongList;
import dev.servelab.engine.observe.RunObserver;
import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.event.EventLoop;
import dev.servelab.engine.model.FailureKind;
import dev.servelab.engine.spi.RemoteEnd;
import dev.servelab.engine.spi.RemoteEndpoint;
import dev.servelab.engine.spi.RemoteTokenListener;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A replica that is a remote endpoint batching internally: {@link #enqueue} submits the request at
 * once (no ServeLab scheduler, no KV cache); tokens and ends arrive on the endpoint's threads, are
 * stamped in run time and applied here on the event-loop thread by {@link #onToken} and
 * {@link #onEnd}, at their true arrival times. Routers see outstanding = submitted − ended,
 * running = in flight, waiting 0, KV usage 0 (unknown).
 */
public final class RemoteReplica implements RoutedReplica {
    private final int index;
    private final String poolPath;
    private final String poolName;
    private final RemoteEndpoint endpoint;
    private final RemoteTokenListener listener;
    private final EventLoop loop;
    private final RunObserver[] observers;
    private final Replica.Exit exit;
    private final Map<Long, Sequence> inFlight = new HashMap<>();
    /** Each in-flight request's inter-token gaps, reported only when it completes (vLLM's ITL counts successful requests). */
    private final Map<Long, LongList> gaps = new HashMap<>();
    private long outstandingTokens;
    private String stopReason;
    /** Set while an injected crash or partition cuts this replica off: why, and the failure kind. */
    private String cutReason;
    private FailureKind cutKind;
    /** Injected reply delay (fault {@code delay}), added to when tokens and ends are applied. */
    private long delayNanos;
    /** When the last held-back arrival is applied. */
    private long lastDueNanos;

    /** {@code listeners} gives this replica's endpoint listener (the run's inbox, which hands arrivals back to it). */
    public RemoteReplica(int index, String poolPath, String poolName, RemoteEndpoint endpoint,
                         Function<RemoteReplica, RemoteTokenListener> listeners, EventLoop loop,
                         RunObserver[] observers, Replica.Exit exit) {
        this.index = index;
        this.poolPath = poolPath;
        this.poolName = poolName;
        this.endpoint = endpoint;
        this.listener = listeners.apply(this);
        this.loop = loop;
        this.observers = observers;
        this.exit = exit;
    }

    public RemoteEndpoint endpoint() {
        return endpoint;
    }

    /**
     * Connects the endpoint; a device that does not answer is one {@link ServeLabException} line naming
     * the pool node and the device (its name and URL, as the endpoint's message gives them).
     */
    public void connect() {
        try {
            endpoint.connect();
        } catch (RuntimeException e) {
            throw new ServeLabException(poolPath + " (" + poolName + ").endpoint: " + e.getMessage(), e);
        }
    }

    @Override
    public String enqueue(Sequence s) {
        if (s.generated > 0) return "a remote replica cannot continue a request handed off after its prefill";
        long now = loop.nowNanos();
        s.state = Sequence.State.RUNNING;
        s.firstScheduledNanos = now;
        inFlight.put(s.request().id(), s);
        outstandingTokens += s.promptTokens + s.outputTokens;
        if (cutReason != null) {
            loop.at(now, () -> failOne(s.request().id(), cutReason, cutKind, loop.nowNanos()));
            return null;
        }
        endpoint.submit(s.request(), listener);
        return null;
    }

    /**
     * Token or end arrivals at {@code runNanos}: applied now, or {@code delayNanos} later while a delay
     * fault lasts. Held-back arrivals keep their order: nothing is applied before one held earlier.
     */
    public void onToken(long requestId, int tokenIndex, long runNanos) {
        if (delayNanos == 0 && lastDueNanos <= runNanos) applyToken(requestId, tokenIndex, runNanos);
        else {
            long due = due(runNanos);
            loop.at(due, () -> applyToken(requestId, tokenIndex, due));
        }
    }

    public void onEnd(RemoteEnd end, long runNanos) {
        if (delayNanos == 0 && lastDueNanos <= runNanos) applyEnd(end, runNanos);
        else {
            long due = due(runNanos);
            loop.at(due, () -> applyEnd(end, due));
        }
    }

    private long due(long runNanos) {
        lastDueNanos = Math.max(Math.max(loop.nowNanos(), runNanos + delayNanos), lastDueNanos);
        return lastDueNanos;
    }

    /** Fault {@code delay}: replies reach the run {@code nanos} late from now on (0 ends it). */
    public void delayReplies(long nanos) {
        delayNanos = nanos;
    }

    /**
     * Fault {@code crash} or {@code partition}: cuts the replica off with {@code reason} — every request
     * in flight fails now with {@code kind} (what the endpoint later reports for them is ignored),
     * and requests sent here fail at once until {@link #reconnect}. Returns how many were in flight.
     */
    public int cut(String reason, FailureKind kind, long runNanos) {
        cutReason = reason;
        cutKind = kind;
        int n = inFlight.size();
        List<Long> ids = new ArrayList<>(inFlight.keySet());
        ids.sort(null);
        for (long id : ids) failOne(id, reason, kind, runNanos);
        if (n > 0) endpoint.cutInFlight();
        return n;
    }

    /** Ends a {@link #cut}: requests go to the endpoint again. */
    public void reconnect() {
        cutReason = null;
        cutKind = null;
    }

    private void failOne(long requestId, String reason, FailureKind kind, long runNanos) {
        Sequence s = inFlight.remove(requestId);
        if (s == null) return;
        outstandingTokens -= s.promptTokens + Math.max(0, s.outputTokens - s.generated);
        fail(s, reason, kind, runNanos);
    }

    /** Token {@code tokenIndex} of {@code requestId} arrived at run time {@code runNanos}. */
    private void applyToken(long requestId, int tokenIndex, long stampNanos) {
        Sequence s = inFlight.get(requestId);
        if (s == null || tokenIndex < s.generated) return;
        // a token is never earlier than its request's arrival or its previous token: a reply stamped by the
        // stream thread can trail the loop's clock by a few microseconds (held-back replies of a delay fault)
        long runNanos = Math.max(stampNanos, Math.max(s.request().arrivalNanos(), s.generated > 0 ? s.lastTokenNanos : 0));
        if (s.generated == 0) exit.onAnswered(index, s.firstScheduledNanos, runNanos);
        if (s.generated > 0) {
            gaps.computeIfAbsent(requestId, id -> new LongList(16)).add(runNanos - s.lastTokenNanos);
        }
        s.emitToken(runNanos);
        if (outstandingTokens > 0) outstandingTokens--;
    }

    /** The request ended at run time {@code runNanos}: finished as any replica's when it completed with tokens, else failed. */
    private void applyEnd(RemoteEnd end, long runNanos) {
        Sequence s = inFlight.remove(end.requestId());
        if (s == null) return;
        LongList received = gaps.remove(end.requestId());
        outstandingTokens -= s.promptTokens + Math.max(0, s.outputTokens - s.generated);
        if (!end.failed() && s.generated > 0) {
            s.state = Sequence.State.FINISHED;
            s.finishNanos = s.lastTokenNanos;
            exit.onAnswered(index, s.firstScheduledNanos, runNanos);
            for (int i = 0; received != null && i < received.size(); i++) {
                for (RunObserver o : observers) o.onInterTokenGaps(received.get(i), 1);
            }
            exit.onExit(s, runNanos);
            for (RunObserver o : observers) o.onFinished(s, runNanos);
        } else if (end.failed()) {
            fail(s, end.error(), end.failure(), runNanos);
        } else {
            fail(s, "the endpoint ended the stream without a token", FailureKind.STREAM, runNanos);
        }
    }

    /** From now on, a request that fails is stored with {@code reason} first (the run is being cancelled or has failed). */
    public void stopping(String reason) {
        stopReason = reason;
    }

    /** Records every request still in flight as failed (the run was cancelled or the endpoint never ended them). */
    public void failInFlight(String reason, long runNanos) {
        List<Sequence> left = new ArrayList<>(inFlight.values());
        left.sort(java.util.Comparator.comparingLong(s -> s.request().id()));
        for (Sequence s : left) {
            inFlight.remove(s.request().id());
            gaps.remove(s.request().id());
            fail(s, reason, FailureKind.CANCELLED, runNanos);
        }
        outstandingTokens = 0;
    }

    private void fail(Sequence s, String why, FailureKind kind, long runNanos) {
        String reason = stopReason == null || stopReason.equals(why) ? why : stopReason + " (" + why + ")";
        s.state = Sequence.State.FAILED;
        s.finishNanos = Math.max(runNanos, s.lastTokenNanos);
        exit.onExit(s, runNanos);
        if (exit.onFailed(s, stopReason == null ? kind : FailureKind.CANCELLED, reason, runNanos)) return;
        for (RunObserver o : observers) o.onFailed(s, reason, runNanos);
    }

    /** Requests submitted here whose end has not been applied yet. */
    public int inFlightCount() {
        return inFlight.size();
    }

    @Override
    public int index() {
        return index;
    }

    @Override
    public String poolName() {
        return poolName;
    }

    @Override
    public int waitingCount() {
        return 0;
    }

    @Override
    public int runningCount() {
        return inFlight.size();
    }

    @Override
    public long outstandingTokens() {
        return outstandingTokens;
    }

    @Override
    public double kvUsage() {
        return 0;
    }

    @Override
    public int kvCapacityBlocks() {
        return 0;
    }

    @Override
    public int blockSizeTokens() {
        return 16;
    }

    @Override
    public boolean recordsEveryToken() {
        return true;
    }
}
