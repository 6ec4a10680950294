package dev.servelab.engine.run;

import dev.servelab.engine.observe.SequenceRecord;
import dev.servelab.engine.event.EventLoop;
import dev.servelab.engine.event.WallClockPacer;
import dev.servelab.engine.model.Request;
import dev.servelab.engine.replica.RemoteReplica;
import dev.servelab.engine.replica.Replica;
import dev.servelab.engine.observe.RunObserver;
import dev.servelab.engine.replica.Sequence;
import dev.servelab.engine.spi.RemoteEnd;
import dev.servelab.engine.spi.RemoteEndpoint;
import dev.servelab.engine.spi.RemoteTokenListener;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Remote tokens cross from endpoint threads to the loop: applied at their arrival (run) time, gaps
 * reported, a completed stream finished, a broken one failed with its tokens, and the loop does not
 * end while a request is in flight.
 */
class RemoteEventInboxTest {
    private record End(long requestId, boolean failed, int tokens, String error) implements RemoteEnd {
    }

    /** Streams {@code tokens} tokens 20 ms apart on its own thread; fails after them when the output asks for more. */
    private static final class ScriptedEndpoint implements RemoteEndpoint {
        private final int tokens;
        private final AtomicInteger inFlight = new AtomicInteger();
        final List<Long> sentAtNanos = new ArrayList<>();

        ScriptedEndpoint(int tokens) {
            this.tokens = tokens;
        }

        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public void connect() {
        }

        @Override
        public void submit(Request r, RemoteTokenListener listener) {
            inFlight.incrementAndGet();
            sentAtNanos.add(System.nanoTime());
            Thread.ofVirtual().start(() -> {
                int n = Math.min(tokens, r.outputTokens());
                for (int i = 0; i < n; i++) {
                    sleepMs(20);
                    listener.onToken(r.id(), i, System.nanoTime());
                }
                inFlight.decrementAndGet();
                listener.onEnd(new End(r.id(), n < r.outputTokens(), n, n < r.outputTokens() ? "stream broke" : null));
            });
        }

        @Override
        public int inFlight() {
            return inFlight.get();
        }

        @Override
        public void close() {
        }
    }

    private static final class Seen implements RunObserver {
        final List<Sequence> finished = new ArrayList<>();
        final List<String> failed = new ArrayList<>();
        final List<Long> gaps = new ArrayList<>();
        Sequence failedSequence;

        @Override
        public void onFinished(SequenceRecord s, long nowNanos) {
            finished.add((Sequence) s);
        }

        @Override
        public void onFailed(SequenceRecord s, String reason, long nowNanos) {
            failed.add(reason);
            failedSequence = (Sequence) s;
        }

        @Override
        public void onInterTokenGaps(long gapNanos, int count) {
            for (int i = 0; i < count; i++) gaps.add(gapNanos);
        }
    }

    private static void sleepMs(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Seen run(int endpointTokens, Request request) {
        WallClockPacer clock = new WallClockPacer(1.0);
        EventLoop loop = new EventLoop(clock);
        RemoteEventInbox inbox = new RemoteEventInbox(clock);
        Seen seen = new Seen();
        List<Sequence> exited = new ArrayList<>();
        Replica.Exit exit = (s, now) -> exited.add(s);
        RemoteReplica replica = new RemoteReplica(0, "pools[0]", "edge", new ScriptedEndpoint(endpointTokens), inbox::listener,
                loop, new RunObserver[] {seen}, exit);
        loop.setExternal(inbox);
        loop.at(request.arrivalNanos(), () -> replica.enqueue(new Sequence(request, 0, true)));
        long start = System.nanoTime();
        loop.run();
        assertTrue(System.nanoTime() - start < 5_000_000_000L);
        assertEquals(1, exited.size(), "left the replica once");
        assertEquals(0, replica.inFlightCount());
        assertEquals(0, replica.runningCount());
        return seen;
    }

    @Test
    void tokensAreAppliedAtTheirArrivalTimesAndTheLoopWaitsForTheEnd() {
        Seen seen = run(100, Request.of(7, 10_000_000, 8, 5));
        assertEquals(1, seen.finished.size());
        Sequence s = seen.finished.getFirst();
        assertEquals(5, s.generatedTokens());
        assertEquals(5, s.tokenTimes().size());
        assertEquals(10_000_000, s.firstScheduledNanos());
        assertTrue(s.firstTokenNanos() >= 10_000_000 + 15_000_000, "first token ~20 ms after submission: " + s.firstTokenNanos());
        assertEquals(s.lastTokenNanos(), s.finishNanos());
        assertEquals(4, seen.gaps.size());
        for (int i = 1; i < 5; i++) {
            long gap = s.tokenTimes().get(i) - s.tokenTimes().get(i - 1);
            assertEquals(gap, seen.gaps.get(i - 1));
            assertTrue(gap >= 15_000_000, "gap " + gap);
        }
    }

    @Test
    void aBrokenStreamFailsWithTheTokensItReceived() {
        Seen seen = run(3, Request.of(9, 0, 8, 10));
        assertEquals(0, seen.finished.size());
        assertEquals(List.of("stream broke"), seen.failed);
        assertEquals(3, seen.failedSequence.tokenTimes().size());
        assertEquals(Sequence.State.FAILED, seen.failedSequence.state());
    }
}
