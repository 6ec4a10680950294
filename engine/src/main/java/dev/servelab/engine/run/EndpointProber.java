package dev.servelab.engine.run;

import dev.servelab.engine.replica.RemoteReplica;

/**
 * Probes an unhealthy remote replica of a live run: after the back-off, on its own virtual thread,
 * asks the endpoint whether it answers ({@link dev.servelab.engine.spi.RemoteEndpoint#connect()}) and
 * posts the answer to the loop thread through the run's {@link RemoteEventInbox}. A pending probe
 * does not keep the run going: the loop ends when the workload does.
 */
final class EndpointProber implements Cluster.Prober {
    private final Cluster cluster;
    private final RemoteEventInbox inbox;

    EndpointProber(Cluster cluster, RemoteEventInbox inbox) {
        this.cluster = cluster;
        this.inbox = inbox;
    }

    @Override
    public void probe(int replica, long afterNanos) {
        if (!(cluster.replica(replica) instanceof RemoteReplica remote)) return;
        Thread.ofVirtual().name("probe-" + remote.poolName() + "-" + replica).start(() -> {
            try {
                Thread.sleep(afterNanos / 1_000_000, (int) (afterNanos % 1_000_000));
            } catch (InterruptedException e) {
                return;
            }
            boolean answered;
            try {
                remote.endpoint().connect();
                answered = true;
            } catch (RuntimeException e) {
                answered = false;
            }
            boolean ok = answered;
            inbox.post(() -> cluster.probed(replica, ok, Math.max(cluster.nowNanos(), inbox.runNanosNow())));
        });
    }
}
