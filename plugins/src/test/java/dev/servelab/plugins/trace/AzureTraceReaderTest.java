package dev.servelab.plugins.trace;

import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.model.Request;
import dev.servelab.plugins.SharedData;
import dev.servelab.plugins.tracecli.StatsAssert;
import dev.servelab.plugins.traceprofile.TraceProfile;
import dev.servelab.plugins.traceprofile.TraceStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Both Azure readers on the real 2023 files (figures from their SOURCE.md) and on crafted 2024 rows. */
class AzureTraceReaderTest {
    @TempDir
    Path dir;

    @Test
    void codeTraceMatchesSourceMd() throws IOException {
        Path f = SharedData.path("traces/azure-llm-2023/AzureLLMInferenceTrace_code.csv");
        List<Request> all = SharedData.readAll(new AzureTraceReader().open(f));
        assertEquals(8_819, all.size());
        assertEquals(0, all.getFirst().arrivalNanos());
        // 19:14:19.9280160 - 18:17:03.9799600 = 3,435.948056 s
        assertEquals(3_435_948_056_000L, all.getLast().arrivalNanos());
        TraceStats s = TraceProfile.of(new AzureTraceReader().open(f)).stats();
        StatsAssert.lengths(s.input(), 2047.8, 1469, 5188, 7436, 7437);
        StatsAssert.lengths(s.output(), 27.9, 13, 55, 251, 1899);
        assertEquals(3, s.input().min());
        assertEquals(2.57, Math.round(s.meanRatePerS() * 100) / 100.0, 1e-9);
        assertEquals(632, s.peakMinuteRequests());
        assertEquals(14, s.peakMinute());
    }

    @Test
    void convTraceMatchesSourceMd() throws IOException {
        Path f = SharedData.path("traces/azure-llm-2023/AzureLLMInferenceTrace_conv.csv");
        TraceStats s = TraceProfile.of(new AzureTraceReader().open(f)).stats();
        assertEquals(19_366, s.count());
        assertEquals(3501.7, Math.round(s.durationS() * 10) / 10.0, 1e-9);
        StatsAssert.lengths(s.input(), 1154.7, 1020, 2734, 4142, 14050);
        StatsAssert.lengths(s.output(), 211.1, 129, 424, 601, 1000);
        assertEquals(5.53, Math.round(s.meanRatePerS() * 100) / 100.0, 1e-9);
        assertEquals(507, s.peakMinuteRequests());
        assertEquals(31, s.peakMinute());
    }

    @Test
    void reads2024TimestampsWithOffsetAndGzip() throws IOException {
        String text = "TIMESTAMP,ContextTokens,GeneratedTokens\n"
                + "2024-05-10 00:00:00.009930+00:00,374,44\n"
                + "2024-05-10 00:00:01.509930+00:00,2048,1\n"
                + "2024-05-10 02:00:00+01:00,10,5\n";
        Path gz = dir.resolve("AzureLLMInferenceTrace_conv_1week.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(text.getBytes());
        }
        List<Request> all = SharedData.readAll(new Azure2024TraceReader().open(gz));
        assertEquals(3, all.size());
        assertEquals(1_500_000_000L, all.get(1).arrivalNanos());
        assertEquals(Request.of(2, 3_599_990_070_000L, 10, 5), all.get(2)); // 01:00 UTC minus the first row
        assertTrue(new AzureTraceReader().sniff("TIMESTAMP,ContextTokens,GeneratedTokens"));
        assertEquals(false, new Azure2024TraceReader().sniff("TIMESTAMP,ContextTokens,GeneratedTokens"));
    }

    @Test
    void malformedRowsNameFileAndLine() throws IOException {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, "TIMESTAMP,ContextTokens,GeneratedTokens\n2024-05-10 00:00:00+00:00,5,5\n\n2024-05-10 00:00:01+00:00,x,5\n");
        ServeLabException e = assertThrows(ServeLabException.class, () -> SharedData.readAll(new Azure2024TraceReader().open(f)));
        assertEquals(f + ":4: ContextTokens 'x' is not an integer", e.getMessage());
        Files.writeString(f, "TIMESTAMP,ContextTokens,GeneratedTokens\nyesterday,5,5\n");
        e = assertThrows(ServeLabException.class, () -> SharedData.readAll(new AzureTraceReader().open(f)));
        assertTrue(e.getMessage().startsWith(f + ":2: TIMESTAMP 'yesterday'"), e.getMessage());
        Files.writeString(f, "TIMESTAMP,ContextTokens,GeneratedTokens\n2024-05-10 00:00:05,5,5\n2024-05-10 00:00:01,5,5\n");
        e = assertThrows(ServeLabException.class, () -> SharedData.readAll(new AzureTraceReader().open(f)));
        assertTrue(e.getMessage().startsWith(f + ":3: timestamp"), e.getMessage());
    }
}
