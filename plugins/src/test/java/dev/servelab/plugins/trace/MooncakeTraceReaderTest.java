package dev.servelab.plugins.trace;

import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.model.AdapterId;
import dev.servelab.engine.model.Request;
import dev.servelab.plugins.SharedData;
import dev.servelab.plugins.tracecli.StatsAssert;
import dev.servelab.plugins.traceprofile.TraceProfile;
import dev.servelab.plugins.traceprofile.TraceStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The Mooncake reader on both FAST'25 traces (figures from SOURCE.md, prefix reuse included). */
class MooncakeTraceReaderTest {
    @TempDir
    Path dir;

    @Test
    void conversationTraceMatchesSourceMd() throws IOException {
        Path f = SharedData.path("traces/mooncake/conversation_trace.jsonl");
        List<Request> all = SharedData.readAll(new MooncakeTraceReader().open(f));
        assertEquals(12_031, all.size());
        Request first = all.getFirst();
        assertEquals(0, first.arrivalNanos());
        assertEquals(512, first.hashBlockTokens());
        assertEquals((first.promptTokens() + 511) / 512, first.hashCount());
        assertEquals(3_536_999_000_000L, all.getLast().arrivalNanos());
        TraceProfile p = TraceProfile.of(new MooncakeTraceReader().open(f));
        TraceStats s = p.stats();
        StatsAssert.lengths(s.input(), 12035.1, 6909, 27367, 85400, 126195);
        StatsAssert.lengths(s.output(), 342.6, 350, 597, 1119, 2000);
        assertEquals(3.40, Math.round(s.meanRatePerS() * 100) / 100.0, 1e-9);
        assertEquals(247, s.peakMinuteRequests());
        assertEquals(36, s.peakMinute());
        assertEquals(182_790, p.prefix().distinctBlocks());
        assertEquals(288_500, p.prefix().blockReferences());
        assertEquals(36.6, Math.round(s.prefixBlockHitRatio() * 1000) / 10.0, 1e-9);
        assertEquals(37.4, Math.round(s.prefixTokenHitRatio() * 1000) / 10.0, 1e-9);
    }

    @Test
    void syntheticTraceMatchesSourceMd() throws IOException {
        TraceProfile p = TraceProfile.of(new MooncakeTraceReader().open(SharedData.path("traces/mooncake/synthetic_trace.jsonl")));
        TraceStats s = p.stats();
        assertEquals(3_993, s.count());
        assertEquals(1022.025, s.durationS(), 1e-9);
        StatsAssert.lengths(s.input(), 15325.5, 11587, 38611, 66456, 191378);
        StatsAssert.lengths(s.output(), 149.1, 69, 389, 768, 893);
        assertEquals(273, s.peakMinuteRequests());
        assertEquals(43_924, p.prefix().distinctBlocks());
        assertEquals(121_877, p.prefix().blockReferences());
        assertEquals(64.0, Math.round(s.prefixBlockHitRatio() * 1000) / 10.0, 1e-9);
        assertEquals(65.1, Math.round(s.prefixTokenHitRatio() * 1000) / 10.0, 1e-9);
    }

    @Test
    void readsOptionalHashesAndReportsBadLines() throws IOException {
        Path f = dir.resolve("t.jsonl");
        Files.writeString(f, "{\"timestamp\": 1500, \"input_length\": 600, \"output_length\": 3, \"hash_ids\": [7, 9]}\n"
                + "{\"timestamp\": 2000.5, \"input_length\": 10, \"output_length\": 1}\n");
        List<Request> all = SharedData.readAll(new MooncakeTraceReader().open(f));
        assertArrayEquals(new long[]{7, 9}, all.get(0).hashIds());
        assertEquals(500_500_000L, all.get(1).arrivalNanos());
        assertEquals(0, all.get(1).hashCount());
        bad("{\"timestamp\": 0, \"input_length\": 5, \"output_length\": 1}\n{\"timestamp\": 1, \"input_length\": 5",
                ":2: not valid JSON");
        bad("{\"timestamp\": 0, \"input_length\": 0, \"output_length\": 1}", ":1: input_length must be >= 1, was 0");
        bad("{\"timestamp\": 0, \"input_length\": 5, \"output_length\": 1, \"hash_ids\": [1, \"x\"]}", ":1: hash_ids[1] is not an integer");
        bad("{\"input_length\": 5, \"output_length\": 1}", ":1: timestamp is missing or not a number");
    }

    @Test
    void readsAnOptionalLoraAdapterColumn() throws IOException {
        Path f = dir.resolve("lora.jsonl");
        Files.writeString(f, "{\"timestamp\": 0, \"input_length\": 6, \"output_length\": 2, \"adapter\": 3}\n"
                + "{\"timestamp\": 5, \"input_length\": 6, \"output_length\": 2, \"adapter\": null}\n"
                + "{\"timestamp\": 9, \"input_length\": 6, \"output_length\": 2}\n");
        List<Request> all = SharedData.readAll(new MooncakeTraceReader().open(f));
        assertEquals(AdapterId.of(3), all.get(0).adapter());
        assertEquals(null, all.get(1).adapter());
        assertEquals(null, all.get(2).adapter());
        bad("{\"timestamp\": 0, \"input_length\": 5, \"output_length\": 1, \"adapter\": \"sql\"}",
                ":1: adapter must be an integer >= 0 (a LoRA adapter id), was \"sql\"");
    }

    private void bad(String text, String expected) throws IOException {
        Path f = dir.resolve("bad.jsonl");
        Files.writeString(f, text);
        ServeLabException e = assertThrows(ServeLabException.class, () -> SharedData.readAll(new MooncakeTraceReader().open(f)));
        assertEquals(f + expected, e.getMessage().substring(0, Math.min(e.getMessage().length(), (f + expected).length())));
    }
}
