package dev.servelab.plugins.trace;

import dev.servelab.engine.model.Request;
import dev.servelab.engine.spi.RequestStream;
import dev.servelab.engine.workload.TraceLines;

import java.io.IOException;
import java.nio.file.Path;

/** The request stream shared by the 2023 and 2024 Azure LLM inference traces (same three columns). */
final class AzureCsvStream {
    static final String HEADER = "TIMESTAMP,ContextTokens,GeneratedTokens";

    private AzureCsvStream() {
    }

    static boolean isHeader(String line) {
        return line.replace(" ", "").replace("\uFEFF", "").equalsIgnoreCase(HEADER);
    }

    static RequestStream open(Path file) throws IOException {
        TraceLines lines = new TraceLines(file);
        LineRequestStream.header(lines, AzureCsvStream::isHeader, HEADER);
        FieldParser fields = new FieldParser(lines);
        ArrivalClock clock = new ArrivalClock(lines);
        return new LineRequestStream(lines, (line, id) -> {
            String[] f = line.split(",", -1);
            if (f.length != 3) throw lines.error("expected 3 comma-separated fields, found " + f.length);
            String stamp = f[0].trim();
            long t = clock.relative(AzureTimestamp.epochNanos(stamp, lines), stamp);
            return Request.of(id, t, fields.tokens(f[1], "ContextTokens", 1), fields.tokens(f[2], "GeneratedTokens", 1));
        });
    }
}
