package dev.servelab.engine.run;

import dev.servelab.engine.metrics.MetricsCollector;
import dev.servelab.engine.model.ClusterEvent;
import dev.servelab.engine.model.Request;
import dev.servelab.engine.observe.IterationRecord;
import dev.servelab.engine.observe.RunObserver;
import dev.servelab.engine.observe.SequenceRecord;

/**
 * What the replicas of a shadow pool report to (see {@link dev.servelab.engine.spi.Router#mirror}):
 * everything goes to the run's other observers (the store records the shadow requests and their
 * iterations), but the {@link MetricsCollector} only sees the iterations — the capacity the shadow
 * pool uses — and never its requests, tokens or latencies, which are not the users'. The run's
 * observer array is read at each call, because the store's recorder is put in it when the run starts.
 */
final class ShadowObserver implements RunObserver {
    private final RunObserver[] observers;

    ShadowObserver(RunObserver[] observers) {
        this.observers = observers;
    }

    private static boolean userFacing(RunObserver o) {
        return o instanceof MetricsCollector;
    }

    @Override
    public void onArrival(Request request, long nowNanos) {
        for (RunObserver o : observers) if (!userFacing(o)) o.onArrival(request, nowNanos);
    }

    @Override
    public void onRejected(Request request, String reason, int replica, long nowNanos) {
        for (RunObserver o : observers) if (!userFacing(o)) o.onRejected(request, reason, replica, nowNanos);
    }

    @Override
    public void onFinished(SequenceRecord sequence, long nowNanos) {
        for (RunObserver o : observers) if (!userFacing(o)) o.onFinished(sequence, nowNanos);
    }

    @Override
    public void onFailed(SequenceRecord sequence, String reason, long nowNanos) {
        for (RunObserver o : observers) if (!userFacing(o)) o.onFailed(sequence, reason, nowNanos);
    }

    @Override
    public void onInterTokenGaps(long gapNanos, int count) {
        for (RunObserver o : observers) if (!userFacing(o)) o.onInterTokenGaps(gapNanos, count);
    }

    @Override
    public void onIteration(IterationRecord iteration) {
        for (RunObserver o : observers) o.onIteration(iteration);
    }

    @Override
    public void onClusterEvent(ClusterEvent event) {
        for (RunObserver o : observers) o.onClusterEvent(event);
    }
}
