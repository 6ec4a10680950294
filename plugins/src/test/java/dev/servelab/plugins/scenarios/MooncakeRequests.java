package dev.servelab.plugins.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servelab.engine.model.Request;
import dev.servelab.engine.spi.RequestStream;
import dev.servelab.engine.workload.TraceLines;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Scenario-only reading of Mooncake JSONL into requests (timestamp ms, input/output lengths,
 * 512-token {@code hash_ids}), with arrival times divided by {@code rateScale}. Stands in until the
 * {@code trace.mooncake} reader plugin is on main.
 */
final class MooncakeRequests implements RequestStream {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final TraceLines lines;
    private final double rateScale;
    private final long limit;
    private long id;

    MooncakeRequests(Path file, double rateScale, long limit) throws IOException {
        this.lines = new TraceLines(file);
        this.rateScale = rateScale;
        this.limit = limit;
    }

    @Override
    public Request next() throws IOException {
        String line = lines.next();
        if (line == null || (limit > 0 && id >= limit)) return null;
        JsonNode j = JSON.readTree(line);
        JsonNode h = j.get("hash_ids");
        long[] hashes = new long[h.size()];
        for (int i = 0; i < hashes.length; i++) hashes[i] = h.get(i).asLong();
        long arrival = Math.round(j.get("timestamp").asLong() * 1e6 / rateScale);
        return new Request(id++, arrival, j.get("input_length").asInt(), Math.max(1, j.get("output_length").asInt()),
                hashes, 512, null, null, null);
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
