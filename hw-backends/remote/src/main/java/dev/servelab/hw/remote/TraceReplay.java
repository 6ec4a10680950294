package dev.servelab.hw.remote;

import dev.servelab.engine.model.Request;
import dev.servelab.engine.spi.RemoteEnd;
import dev.servelab.engine.spi.RemoteEndpoint;
import dev.servelab.engine.spi.RemoteTokenListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Replays requests against one endpoint at their arrival times (divided by {@code speed}) and
 * collects every request's record (an {@link OpenAiRemoteEndpoint}'s ends are its {@link StreamRecord}s), whatever happens to the device: the engine-free driver used by
 * the probe, the CLI and the tests. Bounded: requests not ended within {@code limit} are reported
 * as failed ("still streaming at the time limit").
 */
public final class TraceReplay {
    private TraceReplay() {
    }

    public static List<StreamRecord> run(List<Request> requests, RemoteEndpoint endpoint, double speed, Duration limit)
            throws InterruptedException {
        ConcurrentHashMap<Long, StreamRecord> ended = new ConcurrentHashMap<>();
        CountDownLatch all = new CountDownLatch(requests.size());
        RemoteTokenListener listener = new RemoteTokenListener() {
            @Override
            public void onToken(long requestId, int index, long arrivalNanos) {
            }

            @Override
            public void onEnd(RemoteEnd end) {
                StreamRecord record = end instanceof StreamRecord r ? r : new StreamRecord(end.requestId(),
                        end.failed() ? StreamOutcome.FAILED : StreamOutcome.COMPLETED, System.nanoTime(), new long[0], "", null, null,
                        null, 0, end.error());
                ended.put(record.requestId(), record);
                all.countDown();
            }
        };
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        for (Request r : requests) {
            long due = start + (long) (r.arrivalNanos() / speed);
            long wait;
            while ((wait = due - System.nanoTime()) > 0) LockSupport.parkNanos(wait);
            if (System.nanoTime() > deadline) break;
            endpoint.submit(r, listener);
        }
        all.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        List<StreamRecord> out = new ArrayList<>(requests.size());
        for (Request r : requests) {
            StreamRecord rec = ended.get(r.id());
            out.add(rec != null ? rec : new StreamRecord(r.id(), StreamOutcome.FAILED, start, new long[0], "", null, null,
                    null, 0, "still streaming (or never sent) at the " + limit.toMillis() + " ms limit"));
        }
        return out;
    }
}
