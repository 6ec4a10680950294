package dev.servelab.plugins.trace;

import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.model.Request;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Writes requests in one of the formats the readers understand, so generated workloads can be saved
 * as traces (the sample traces are made this way); a {@code .gz} name is gzipped.
 */
public interface TraceWriter extends AutoCloseable {
    /** The trace formats that can be written. */
    List<String> FORMATS = List.of("trace.azure-2023", "trace.mooncake", "trace.vidur");

    void write(Request r) throws IOException;

    @Override
    void close() throws IOException;

    static TraceWriter open(String format, Path file) throws IOException {
        if (!FORMATS.contains(format)) {
            throw new ServeLabException("cannot write format '" + format + "' (writable: " + String.join(", ", FORMATS) + ")");
        }
        OutputStream raw = Files.newOutputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) raw = new GZIPOutputStream(raw, 1 << 16);
        BufferedWriter out = new BufferedWriter(new OutputStreamWriter(raw, StandardCharsets.UTF_8), 1 << 16);
        return switch (format) {
            case "trace.azure-2023" -> new AzureTraceWriter(out);
            case "trace.mooncake" -> new MooncakeTraceWriter(out, file);
            default -> new VidurTraceWriter(out);
        };
    }
}
