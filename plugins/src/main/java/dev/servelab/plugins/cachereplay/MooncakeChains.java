package dev.servelab.plugins.cachereplay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servelab.engine.workload.TraceLines;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The replay's private reading of Mooncake JSONL ({@code {"timestamp", "input_length",
 * "output_length", "hash_ids": [...]}} per line): only {@code hash_ids}, in file order. Used until a
 * {@code trace.mooncake} reader plugin is installed; bad lines are reported with file and line.
 */
final class MooncakeChains {
    private static final ObjectMapper JSON = new ObjectMapper();

    private MooncakeChains() {
    }

    static long forEach(Path file, Consumer<long[]> sink) throws IOException {
        long n = 0;
        try (TraceLines lines = new TraceLines(file)) {
            for (String line = lines.next(); line != null; line = lines.next()) {
                if (line.isBlank()) continue;
                sink.accept(hashIds(line, lines));
                n++;
            }
        }
        return n;
    }

    private static long[] hashIds(String line, TraceLines lines) {
        JsonNode ids;
        try {
            ids = JSON.readTree(line).get("hash_ids");
        } catch (JsonProcessingException e) {
            throw lines.error("not a JSON object: " + e.getOriginalMessage());
        }
        if (ids == null || !ids.isArray()) throw lines.error("missing 'hash_ids' array");
        long[] out = new long[ids.size()];
        for (int i = 0; i < out.length; i++) {
            if (!ids.get(i).canConvertToLong()) throw lines.error("hash_ids[" + i + "] is not an integer");
            out[i] = ids.get(i).asLong();
        }
        return out;
    }
}
