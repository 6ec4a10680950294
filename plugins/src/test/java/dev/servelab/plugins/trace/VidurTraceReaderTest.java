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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The Vidur reader on Vidur's own processed Splitwise traces (the Azure 2023 data re-timed in seconds,
 * so the Azure SOURCE.md statistics apply) and on its generated, gzipped 100 k-request workload.
 */
class VidurTraceReaderTest {
    @TempDir
    Path dir;

    @Test
    void processedConvTraceEqualsTheAzureConvTrace() throws IOException {
        Path f = SharedData.path("vidur-data/processed_traces/splitwise_conv.csv");
        List<Request> all = SharedData.readAll(new VidurTraceReader().open(f));
        assertEquals(19_366, all.size());
        assertEquals(Request.of(0, 0, 374, 44), all.getFirst());
        assertEquals(Request.of(19_365, 3_501_721_937_000L, 197, 183), all.getLast());
        TraceStats s = TraceProfile.of(new VidurTraceReader().open(f)).stats();
        StatsAssert.lengths(s.input(), 1154.7, 1020, 2734, 4142, 14050);
        StatsAssert.lengths(s.output(), 211.1, 129, 424, 601, 1000);
        assertEquals(507, s.peakMinuteRequests());
    }

    @Test
    void gzippedGeneratedWorkloadIsReadRelativeToItsFirstRow() throws IOException {
        Path f = SharedData.path("vidur-data/workloads/replay_splitwise_conv_resampled_poisson_qps8_n100000_seed42.csv.gz");
        List<Request> all = SharedData.readAll(new VidurTraceReader().open(f));
        assertEquals(100_000, all.size());
        assertEquals(Request.of(0, 0, 2279, 85), all.getFirst());
        Request last = all.getLast();
        assertEquals(1059, last.promptTokens());
        assertEquals(429, last.outputTokens());
        assertEquals(11_890.255437767364 - 0.12750753590935013, last.arrivalNanos() / 1e9, 1e-6);
    }

    @Test
    void malformedRowsNameFileAndLine() throws IOException {
        Path f = dir.resolve("v.csv");
        Files.writeString(f, "arrived_at,num_prefill_tokens,num_decode_tokens\n0.5,10,2\n0.7,10\n");
        ServeLabException e = assertThrows(ServeLabException.class, () -> SharedData.readAll(new VidurTraceReader().open(f)));
        assertEquals(f + ":3: expected 3 comma-separated fields, found 2", e.getMessage());
        Files.writeString(f, "arrived_at,num_prefill_tokens,num_decode_tokens\nsoon,10,2\n");
        e = assertThrows(ServeLabException.class, () -> SharedData.readAll(new VidurTraceReader().open(f)));
        assertEquals(f + ":2: arrived_at 'soon' is not a number", e.getMessage());
        Files.writeString(f, "arrived,prefill\n");
        e = assertThrows(ServeLabException.class, () -> new VidurTraceReader().open(f));
        assertEquals(f + ":1: expected the header 'arrived_at,num_prefill_tokens,num_decode_tokens', found 'arrived,prefill'", e.getMessage());
    }
}
