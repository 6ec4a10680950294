package dev.servelab.plugins.trace;

import dev.servelab.engine.model.Request;

import java.io.BufferedWriter;
import java.io.IOException;

/** Writes Vidur's request CSV ({@code arrived_at} in seconds, prefill and decode tokens). */
final class VidurTraceWriter implements TraceWriter {
    private final BufferedWriter out;

    VidurTraceWriter(BufferedWriter out) throws IOException {
        this.out = out;
        out.write(String.join(",", VidurTraceReader.COLUMNS));
        out.write('\n');
    }

    @Override
    public void write(Request r) throws IOException {
        out.write(String.format(java.util.Locale.ROOT, "%.6f,%d,%d%n", r.arrivalNanos() / 1e9, r.promptTokens(), r.outputTokens()));
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
