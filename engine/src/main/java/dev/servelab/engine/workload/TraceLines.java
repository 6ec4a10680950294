package dev.servelab.engine.workload;

import dev.servelab.engine.ServeLabException;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads a trace file line by line (gzip transparently, by extension or magic bytes), skipping blank
 * lines and counting line numbers, so readers can report {@code file:line: reason}.
 */
public final class TraceLines implements Closeable {
    private final Path file;
    private final BufferedReader in;
    private long lineNumber;

    public TraceLines(Path file) throws IOException {
        this.file = file;
        InputStream raw = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16);
        raw.mark(2);
        int b1 = raw.read();
        int b2 = raw.read();
        raw.reset();
        InputStream body;
        try {
            body = (b1 == 0x1f && b2 == 0x8b) ? new GZIPInputStream(raw, 1 << 16) : raw;
        } catch (IOException e) {
            raw.close();
            throw new ServeLabException(file + ": " + readFailure(e));
        }
        this.in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8), 1 << 16);
    }

    /** The next non-blank line, or null at the end. */
    public String next() throws IOException {
        String line;
        try {
            while ((line = in.readLine()) != null) {
                lineNumber++;
                if (!line.isBlank()) return line;
            }
        } catch (IOException e) {
            throw new ServeLabException(file + ":" + (lineNumber + 1) + ": " + readFailure(e));
        }
        return null;
    }

    /** A read failure in words: a gzip file cut short says so instead of an empty EOFException. */
    public static String readFailure(IOException e) {
        if (e instanceof java.io.EOFException) return "the file ends early (a truncated gzip file?)";
        if (e instanceof java.util.zip.ZipException) return "corrupt gzip data (" + e.getMessage() + ")";
        return "cannot read: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    public long lineNumber() {
        return lineNumber;
    }

    public Path file() {
        return file;
    }

    /** An error naming this file and the current line. */
    public ServeLabException error(String reason) {
        return new ServeLabException(file + ":" + lineNumber + ": " + reason);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
