package dev.servelab.engine.spi;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads one public trace format as a stream of requests, arrival times made relative to the first
 * request. Plugin ids {@code trace.*}.
 */
public interface TraceReader {
    RequestStream open(Path file) throws IOException;

    /** Whether a file whose first line is {@code firstLine} looks like this format (for format sniffing). */
    default boolean sniff(String firstLine) {
        return false;
    }
}
