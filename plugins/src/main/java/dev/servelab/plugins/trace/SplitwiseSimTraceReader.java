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
 * The request CSV of SplitwiseSim (Patel et al., "Splitwise", ISCA 2024; mutinifni/splitwise-sim
 * {@code traces/}): {@code request_id,request_type,application_id,arrival_timestamp,batch_size,
 * prompt_size,token_size}, arrival in seconds. {@code application_id} becomes the request's tenant;
 * {@code batch_size} is ignored (always 1 in the published traces).
 */
@Plugin(id = "trace.splitwise", summary = "SplitwiseSim request CSV (arrival_timestamp, prompt_size, token_size)",
        source = "Splitwise (ISCA'24), splitwise-sim")
public final class SplitwiseSimTraceReader implements TraceReader {
    static final List<String> COLUMNS = List.of("request_id", "arrival_timestamp", "prompt_size", "token_size");

    @Override
    public boolean sniff(String firstLine) {
        return CsvHeader.parse(firstLine).hasAll(COLUMNS);
    }

    @Override
    public RequestStream open(Path file) throws IOException {
        TraceLines lines = new TraceLines(file);
        CsvHeader header = CsvHeader.parse(LineRequestStream.header(lines, this::sniff, String.join(",", COLUMNS)));
        int at = header.require("arrival_timestamp", lines);
        int in = header.require("prompt_size", lines);
        int out = header.require("token_size", lines);
        int app = header.find("application_id");
        FieldParser fields = new FieldParser(lines);
        ArrivalClock clock = new ArrivalClock(lines);
        return new LineRequestStream(lines, (line, id) -> {
            String[] f = fields.split(line, header.width());
            long t = clock.relative(fields.secondsAsNanos(f[at], "arrival_timestamp"), f[at].trim());
            String tenant = app < 0 || f[app].isBlank() ? null : "app-" + f[app].trim();
            return new Request(id, t, fields.tokens(f[in], "prompt_size", 1), fields.tokens(f[out], "token_size", 1),
                    null, 0, null, tenant, null);
        });
    }
}
