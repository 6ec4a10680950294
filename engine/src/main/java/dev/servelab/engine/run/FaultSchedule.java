package dev.servelab.engine.run;

import dev.servelab.engine.event.EventLoop;
import dev.servelab.engine.model.ClusterEvent;
import dev.servelab.engine.model.ClusterEventKind;
import dev.servelab.engine.model.FailureKind;
import dev.servelab.engine.pipeline.FaultSpec;
import dev.servelab.engine.replica.RemoteReplica;

import java.util.List;
import java.util.Map;

/**
 * Puts a pipeline's {@code faults:} on the event loop: each fault starts and ends at its run times
 * and is recorded as cluster events (crash/restart, fault started/ended). A crash or partition
 * holds the replica out of routing for its window. In a live run the times are wall-clock run
 * times and the faults act on the run's side of the link (decision 0009): a remote replica's
 * requests in flight are cut and new ones fail to connect, its replies are held back by the delay.
 * Note that the loop runs until the last fault event, even past the workload's end.
 */
final class FaultSchedule {
    private FaultSchedule() {
    }

    static void schedule(List<FaultSpec> faults, Cluster cluster, EventLoop loop, Map<Integer, StragglerExecutor> stragglers) {
        for (FaultSpec f : faults) {
            switch (f.kind()) {
                case CRASH -> window(loop, f, () -> cluster.crash(f.replica(), f.describe()), () -> cluster.restart(f.replica()));
                case PARTITION -> window(loop, f, () -> partition(cluster, f, true), () -> partition(cluster, f, false));
                case SLOWDOWN -> window(loop, f, () -> slow(cluster, f, stragglers.get(f.replica()), f.factor(), true),
                        () -> slow(cluster, f, stragglers.get(f.replica()), 1, false));
                case DELAY -> window(loop, f, () -> delay(cluster, f, f.delayNanos(), true), () -> delay(cluster, f, 0, false));
                case LOAD_SPIKE -> window(loop, f, () -> mark(cluster, f, true), () -> mark(cluster, f, false));
            }
        }
    }

    private static void window(EventLoop loop, FaultSpec f, Runnable start, Runnable end) {
        loop.at(f.atNanos(), start);
        loop.at(f.endNanos(), end);
    }

    private static void mark(Cluster cluster, FaultSpec f, boolean started) {
        cluster.emit(new ClusterEvent(started ? f.atNanos() : f.endNanos(),
                started ? ClusterEventKind.FAULT_STARTED : ClusterEventKind.FAULT_ENDED, f.replica(), f.describe()));
    }

    private static void slow(Cluster cluster, FaultSpec f, StragglerExecutor executor, double factor, boolean started) {
        executor.setFactor(factor);
        mark(cluster, f, started);
    }

    private static void delay(Cluster cluster, FaultSpec f, long nanos, boolean started) {
        if (cluster.replica(f.replica()) instanceof RemoteReplica remote) remote.delayReplies(nanos);
        mark(cluster, f, started);
    }

    private static void partition(Cluster cluster, FaultSpec f, boolean started) {
        mark(cluster, f, started);
        cluster.faultHold(f.replica(), started);
        if (!(cluster.replica(f.replica()) instanceof RemoteReplica remote)) return;
        if (started) remote.cut("partitioned from the run (injected fault " + f.path() + ")", FailureKind.CONNECT, f.atNanos());
        else remote.reconnect();
    }
}
