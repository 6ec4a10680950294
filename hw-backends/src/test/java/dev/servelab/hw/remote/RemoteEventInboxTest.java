package dev.servelab.hw.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RemoteEventInboxTest {
    @Test
    void convertsArrivalsToRunTimeAndKeepsTheirOrder() throws Exception {
        long start = System.nanoTime();
        RemoteEventInbox inbox = new RemoteEventInbox(start, 2.0);
        inbox.onToken(5, 0, start + 1_000);
        inbox.onToken(5, 1, start + 3_000);
        inbox.onEnd(new StreamRecord(5, StreamOutcome.FAILED, start, new long[] {start + 1_000, start + 3_000}, "ab", null,
                null, null, 1, "stream broke after 2 tokens"));
        List<RemoteEvent> seen = new ArrayList<>();
        assertEquals(3, inbox.drain(seen::add));
        assertEquals(2_000, seen.get(0).runNanos());
        assertEquals(6_000, seen.get(1).runNanos());
        assertTrue(seen.get(2).isEnd() && seen.get(2).record().failed());
        assertEquals(2, seen.get(2).tokenIndex());
        assertNull(inbox.await(1_000_000));
    }

    @Test
    void followsARunningClock() {
        RemoteEventInbox inbox = RemoteEventInbox.onClock(() -> 5_000_000_000L, 1.0);
        long run = inbox.runNanos(System.nanoTime());
        assertTrue(run >= 5_000_000_000L && run < 6_000_000_000L, "run time " + run);
    }
}
