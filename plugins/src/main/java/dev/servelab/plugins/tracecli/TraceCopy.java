package dev.servelab.plugins.tracecli;

import dev.servelab.engine.model.Request;
import dev.servelab.engine.spi.RequestStream;
import dev.servelab.plugins.trace.TraceWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Copies a request stream into a trace file; a failed copy leaves no half-written file behind. */
final class TraceCopy {
    private TraceCopy() {
    }

    static long copy(RequestStream stream, String format, Path out) throws IOException {
        long n = 0;
        boolean done = false;
        try (stream; TraceWriter w = TraceWriter.open(format, out)) {
            Request r;
            while ((r = stream.next()) != null) {
                w.write(r);
                n++;
            }
            done = true;
        } finally {
            if (!done) Files.deleteIfExists(out);
        }
        return n;
    }
}
