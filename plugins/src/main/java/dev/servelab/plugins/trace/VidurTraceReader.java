package dev.servelab.plugins.trace;

import dev.servelab.engine.model.Request;
import dev.servelab.engine.spi.Plugin;
import dev.servelab.engine.spi.RequestStream;
import dev.servelab.engine.spi.TraceReader;
import dev.servelab.engine.workload.TraceLines;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The request CSV of Microsoft's Vidur simulator (Agrawal et al., "Vidur: A Large-Scale Simulation
 * Framework for LLM Inference", MLSys 2024; microsoft/vidur {@code data/processed_traces}):
 * {@code arrived_at} (seconds, decimal), {@code num_prefill_tokens}, {@code num_decode_tokens}; extra
 * columns are ignored. Arrival times are made relative to the first row.
 */
@Plugin(id = "trace.vidur", summary = "Vidur request CSV (arrived_at, num_prefill_tokens, num_decode_tokens)",
        source = "Vidur (MLSys'24), microsoft/vidur")
public final class VidurTraceReader implements TraceReader {
    static final List<String> COLUMNS = List.of("arrived_at", "num_prefill_tokens", "num_decode_tokens");

    @Override
    public boolean sniff(String firstLine) {
        return CsvHeader.parse(firstLine).hasAll(COLUMNS);
    }

    @Override
    public RequestStream open(Path file) throws IOException {
        TraceLines lines = new TraceLines(file);
        CsvHeader header = CsvHeader.parse(LineRequestStream.header(lines, this::sniff, String.join(",", COLUMNS)));
        int at = header.require("arrived_at", lines);
        int in = header.require("num_prefill_tokens", lines);
        int out = header.require("num_decode_tokens", lines);
        FieldParser fields = new FieldParser(lines);
        ArrivalClock clock = new ArrivalClock(lines);
        return new LineRequestStream(lines, (line, id) -> {
            String[] f = fields.split(line, header.width());
            long t = clock.relative(fields.secondsAsNanos(f[at], "arrived_at"), f[at].trim());
            return Request.of(id, t, fields.tokens(f[in], "num_prefill_tokens", 1), fields.tokens(f[out], "num_decode_tokens", 1));
        });
    }
}
