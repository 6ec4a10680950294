package dev.servelab.engine.run;

import dev.servelab.engine.event.EventLoop;
import dev.servelab.engine.event.ExternalEvents;
import dev.servelab.engine.event.WallClockPacer;
import dev.servelab.engine.model.Request;
import dev.servelab.engine.spi.LiveRequestStream;

/**
 * Feeds a {@link LiveRequestStream} into a live run: the loop waits on the stream when it has
 * nothing due, each new request becomes an arrival event at the wall clock's run time when it is
 * taken (so admission, routing and the replica see it exactly as a trace arrival), and stop notices
 * are handed to the replicas at once. The run goes on while the stream is open.
 */
final class StreamArrivals implements ExternalEvents {
    private final LiveRequestStream stream;
    private final Cluster cluster;
    private final EventLoop loop;
    private final WallClockPacer clock;

    StreamArrivals(LiveRequestStream stream, Cluster cluster, EventLoop loop, WallClockPacer clock) {
        this.stream = stream;
        this.cluster = cluster;
        this.loop = loop;
        this.clock = clock;
    }

    @Override
    public void applyArrived() {
        try {
            LiveRequestStream.Input in;
            while ((in = stream.poll(0)) != null) apply(in);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void awaitAndApply(long waitNanos) throws InterruptedException {
        LiveRequestStream.Input in = stream.poll(Math.max(0, waitNanos));
        if (in == null) return;
        apply(in);
        applyArrived();
    }

    @Override
    public boolean pending() {
        return stream.isOpen();
    }

    private void apply(LiveRequestStream.Input in) {
        if (in.isStop()) {
            cluster.stop(in.stopRequestId());
            return;
        }
        long at = Math.max(loop.nowNanos(), clock.elapsedRunNanos());
        Request r = in.request().withIdAndArrival(in.request().id(), at);
        loop.at(at, () -> cluster.arrive(r));
    }
}
