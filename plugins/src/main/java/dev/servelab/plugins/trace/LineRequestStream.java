package dev.servelab.plugins.trace;

import dev.servelab.engine.model.Request;
import dev.servelab.engine.spi.RequestStream;
import dev.servelab.engine.workload.TraceLines;

import java.io.IOException;

/** A request stream that turns each remaining line of a trace into at most one request, numbering ids from 0. */
final class LineRequestStream implements RequestStream {
    /** Parses one line into the request with the given id, or returns null to skip the line. */
    @FunctionalInterface
    interface RowParser {
        Request parse(String line, long id);
    }

    private final TraceLines lines;
    private final RowParser parser;
    private long id;

    LineRequestStream(TraceLines lines, RowParser parser) {
        this.lines = lines;
        this.parser = parser;
    }

    @Override
    public Request next() throws IOException {
        String line;
        while ((line = lines.next()) != null) {
            Request r = parser.parse(line, id);
            if (r != null) {
                id++;
                return r;
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }

    /** Reads the header line, closing the file and naming it if the header is missing or wrong. */
    static String header(TraceLines lines, java.util.function.Predicate<String> valid, String expected) throws IOException {
        String header = lines.next();
        if (header == null || !valid.test(header.strip())) {
            lines.close();
            throw lines.error("expected the header '" + expected + "', found '" + header + "'");
        }
        return header.strip();
    }
}
