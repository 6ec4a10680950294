package dev.servelab.plugins.trace;

import dev.servelab.engine.model.Request;

import java.io.BufferedWriter;
import java.io.IOException;
import java.time.LocalDateTime;

/**
 * Writes the Azure 2023 CSV layout ({@code TIMESTAMP,ContextTokens,GeneratedTokens}, 7 fractional
 * digits, no zone), arrivals counted from a fixed, arbitrary origin (2023-11-16 00:00:00) so the
 * output is reproducible.
 */
final class AzureTraceWriter implements TraceWriter {
    static final LocalDateTime ORIGIN = LocalDateTime.of(2023, 11, 16, 0, 0, 0);
    private final BufferedWriter out;

    AzureTraceWriter(BufferedWriter out) throws IOException {
        this.out = out;
        out.write(AzureCsvStream.HEADER);
        out.write('\n');
    }

    @Override
    public void write(Request r) throws IOException {
        LocalDateTime t = ORIGIN.plusNanos(r.arrivalNanos());
        out.write(String.format(java.util.Locale.ROOT, "%tF %<tT.%07d,%d,%d%n", t, t.getNano() / 100, r.promptTokens(), r.outputTokens()));
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
