package dev.servelab.plugins.trace;

import dev.servelab.engine.model.Request;
import dev.servelab.engine.spi.Plugin;
import dev.servelab.engine.spi.RequestStream;
import dev.servelab.engine.spi.TraceReader;
import dev.servelab.engine.workload.TraceLines;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/**
 * The Azure LLM inference trace 2023 (Splitwise, Patel et al., ISCA 2024): CSV with header
 * {@code TIMESTAMP,ContextTokens,GeneratedTokens}, timestamps {@code YYYY-MM-DD HH:MM:SS.fffffff}
 * without a time zone; arrival times are made relative to the first row. Streams the file.
 */
@Plugin(id = "trace.azure-2023", summary = "Azure LLM inference trace 2023 (code / conv CSV)",
        source = "Splitwise (ISCA'24), Azure/AzurePublicDataset")
public final class AzureTraceReader implements TraceReader {
    static final String HEADER = "TIMESTAMP,ContextTokens,GeneratedTokens";
    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter();

    @Override
    public boolean sniff(String firstLine) {
        return firstLine.replace(" ", "").equalsIgnoreCase(HEADER);
    }

    @Override
    public RequestStream open(Path file) throws IOException {
        TraceLines lines = new TraceLines(file);
        String header = lines.next();
        if (header == null || !sniff(header)) {
            lines.close();
            throw lines.error("expected the header '" + HEADER + "', found '" + header + "'");
        }
        return new RequestStream() {
            long id;
            long firstNanos = Long.MIN_VALUE;

            @Override
            public Request next() throws IOException {
                String line = lines.next();
                if (line == null) return null;
                String[] f = line.split(",", -1);
                if (f.length != 3) throw lines.error("expected 3 comma-separated fields, found " + f.length);
                long t = parseTime(f[0].trim());
                if (firstNanos == Long.MIN_VALUE) firstNanos = t;
                int prompt = parseTokens(f[1], "ContextTokens");
                int output = parseTokens(f[2], "GeneratedTokens");
                if (t < firstNanos) throw lines.error("timestamp " + f[0] + " is before the first row's");
                return Request.of(id++, t - firstNanos, prompt, output);
            }

            private long parseTime(String s) {
                try {
                    LocalDateTime dt = LocalDateTime.parse(s, TIME);
                    return dt.toEpochSecond(ZoneOffset.UTC) * 1_000_000_000L + dt.getNano();
                } catch (DateTimeParseException e) {
                    throw lines.error("TIMESTAMP '" + s + "' is not 'YYYY-MM-DD HH:MM:SS.fffffff'");
                }
            }

            private int parseTokens(String s, String column) {
                try {
                    int v = Integer.parseInt(s.trim());
                    if (v < 1) throw lines.error(column + " must be >= 1, was " + v);
                    return v;
                } catch (NumberFormatException e) {
                    throw lines.error(column + " '" + s + "' is not an integer");
                }
            }

            @Override
            public void close() throws IOException {
                lines.close();
            }
        };
    }
}
