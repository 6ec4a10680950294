package dev.servelab.plugins.tracecli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servelab.plugins.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TraceStatsCommandTest {
    @TempDir
    Path dir;

    @Test
    void jsonForMooncakeHasPrefixReuse() throws IOException {
        TraceCli r = TraceCli.run("trace", "stats", SharedData.path("traces/mooncake/conversation_trace.jsonl").toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(12_031, j.get("count").asLong());
        assertEquals("trace.mooncake", j.get("format").asText());
        assertEquals(6909, j.get("input").get("p50").asDouble());
        assertEquals(247 / 60.0, j.get("peak_minute_rate_per_s").asDouble(), 1e-9);
        assertEquals(0.366, j.get("prefix_block_hit_ratio").asDouble(), 0.0005);
    }

    @Test
    void tableWithFormatAndWindow() {
        TraceCli r = TraceCli.run("trace", "stats", SharedData.path("vidur-data/processed_traces/splitwise_code.csv").toString(),
                "--format", "trace.vidur", "--window-end-s", "600");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("trace.vidur"), r.out());
        assertTrue(r.out().contains("peak minute"), r.out());
        assertTrue(!r.out().contains("prefix reuse"), r.out());
    }

    @Test
    void badInputIsOneLineWithFileAndLine() throws IOException {
        Path f = dir.resolve("bad.jsonl");
        Files.writeString(f, "{\"timestamp\": 0, \"input_length\": 5, \"output_length\": 1}\n{\"timestamp\": 1, \"input_length\": -5, \"output_length\": 1}\n");
        TraceCli r = TraceCli.run("trace", "stats", f.toString());
        assertEquals(2, r.exit());
        assertEquals("error: " + f + ":2: input_length must be >= 1, was -5", r.err().strip());
        r = TraceCli.run("trace", "stats", dir.resolve("missing.csv").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("trace file not found"), r.err());
    }
}
