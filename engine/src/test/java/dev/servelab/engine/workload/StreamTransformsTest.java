package dev.servelab.engine.workload;

import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.model.Request;
import dev.servelab.engine.spi.RequestStream;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Time window, replay, rate scaling and limit on an in-memory stream. */
class StreamTransformsTest {
    /** Requests 0..4 at 0, 10, 20, 30, 40 s; session "s" on every request. */
    private static RequestStream five() {
        List<Request> list = new ArrayList<>();
        for (int i = 0; i < 5; i++) list.add(new Request(i, i * 10_000_000_000L, 100 + i, 10, null, 0, "s", null, null));
        Iterator<Request> it = list.iterator();
        return () -> it.hasNext() ? it.next() : null;
    }

    private static List<Request> all(RequestStream s) throws IOException {
        List<Request> out = new ArrayList<>();
        Request r;
        while ((r = s.next()) != null) out.add(r);
        return out;
    }

    @Test
    void windowKeepsAndRebases() throws IOException {
        List<Request> w = all(new TimeWindowStream(five(), 10_000_000_000L, 30_000_000_000L));
        assertEquals(2, w.size());
        assertEquals(1, w.getFirst().id());
        assertEquals(0, w.getFirst().arrivalNanos());
        assertEquals(10_000_000_000L, w.get(1).arrivalNanos());
    }

    @Test
    void replayShiftsIdsTimesAndSessions() throws IOException {
        List<Request> r = all(new ReplayStream(StreamTransformsTest::five, 3));
        assertEquals(15, r.size());
        assertEquals(5, r.get(5).id());
        assertEquals(50_000_000_000L, r.get(5).arrivalNanos(), "one mean gap (10 s) after the last request");
        assertEquals("s#2", r.get(14).sessionId());
        assertEquals(104, r.get(14).promptTokens());
    }

    @Test
    void transformsApplyInOrder() throws IOException {
        TraceTransforms t = new TraceTransforms(10, 40, 2, 2.0, 5);
        List<Request> r = all(t.apply(StreamTransformsTest::five));
        assertEquals(5, r.size());
        assertEquals(List.of(0L, 5_000_000_000L, 10_000_000_000L, 15_000_000_000L, 20_000_000_000L),
                r.stream().map(Request::arrivalNanos).toList());
        assertEquals(5, r.get(3).id(), "pass 2 shifts ids 1..3 by the largest id + 1 = 4");
        assertThrows(ServeLabException.class, () -> new TraceTransforms(5, 5, 1, 1, 0));
        assertThrows(ServeLabException.class, () -> new TraceTransforms(0, 10, 0, 1, 0));
    }
}
