package dev.servelab.plugins.trace;

import dev.servelab.engine.model.Request;

import java.io.BufferedWriter;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Writes the Azure 2023 CSV layout ({@code TIMESTAMP,ContextTokens,GeneratedTokens}, 7 fractional
 * digits, no zone), arrivals counted from a fixed, arbitrary origin (2023-11-16 00:00:00) so the
 * output is reproducible.
 */
final class AzureTraceWriter implements TraceWriter {
    static final LocalDateTime ORIGIN = LocalDateTime.of(2023, 11, 16, 0, 0, 0);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private final BufferedWriter out;

    AzureTraceWriter(BufferedWriter out) throws IOException {
        this.out = out;
        out.write(AzureCsvStream.HEADER);
        out.write('\n');
    }

    @Override
    public void write(Request r) throws IOException {
        LocalDateTime t = ORIGIN.plusNanos(r.arrivalNanos());
        String fraction = Integer.toString(t.getNano() / 100 + 10_000_000).substring(1);
        out.write(SECONDS.format(t) + "." + fraction + "," + r.promptTokens() + "," + r.outputTokens() + "\n");
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
