package dev.servelab.plugins.trace;

import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.model.Request;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes Mooncake JSON Lines: {@code timestamp} in whole milliseconds, lengths and, when the request
 * has them, its 512-token block hashes renumbered densely from 0 in order of first appearance (as the
 * published traces are). Hashes over another block size cannot be expressed and are an error.
 */
final class MooncakeTraceWriter implements TraceWriter {
    private final BufferedWriter out;
    private final Path file;
    private final java.util.HashMap<Long, Long> dense = new java.util.HashMap<>();

    MooncakeTraceWriter(BufferedWriter out, Path file) {
        this.out = out;
        this.file = file;
    }

    @Override
    public void write(Request r) throws IOException {
        if (r.hasPrefixHashes() && r.hashBlockTokens() != MooncakeTraceReader.BLOCK_TOKENS) {
            throw new ServeLabException(file + ": request " + r.id() + " has " + r.hashBlockTokens()
                    + "-token hash blocks; the Mooncake format needs 512 (set block_tokens: 512)");
        }
        StringBuilder b = new StringBuilder(64 + 8 * r.hashCount());
        b.append("{\"timestamp\": ").append(Math.round(r.arrivalNanos() / 1e6))
                .append(", \"input_length\": ").append(r.promptTokens())
                .append(", \"output_length\": ").append(r.outputTokens())
                .append(", \"hash_ids\": [");
        long[] ids = r.hashIds();
        for (int i = 0; i < ids.length; i++) {
            if (i > 0) b.append(", ");
            b.append(dense.computeIfAbsent(ids[i], k -> (long) dense.size()));
        }
        out.write(b.append("]}\n").toString());
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
