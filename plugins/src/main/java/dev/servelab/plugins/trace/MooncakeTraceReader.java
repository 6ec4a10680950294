package dev.servelab.plugins.trace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servelab.engine.model.AdapterId;
import dev.servelab.engine.model.Request;
import dev.servelab.engine.spi.Plugin;
import dev.servelab.engine.spi.RequestStream;
import dev.servelab.engine.spi.TraceReader;
import dev.servelab.engine.workload.TraceLines;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The Mooncake / Kimi request traces (Qin et al., "Mooncake: Trading More Storage for Less
 * Computation", FAST 2025; kvcache-ai/Mooncake {@code FAST25-release/traces}): JSON Lines with
 * {@code timestamp} (ms from the start), {@code input_length}, {@code output_length} and
 * {@code hash_ids}, the chained ids of the prompt's 512-token blocks, kept as {@link Request#hashIds()}
 * with {@code hashBlockTokens = 512} so prefix caching and prefix-aware routing see real reuse. An optional
 * {@code adapter} field (an integer >= 0, ServeLab's addition) names the LoRA adapter the request runs with
 * ({@link Request#adapter()}; absent or null: the base model).
 */
@Plugin(id = "trace.mooncake", summary = "Mooncake FAST'25 JSONL trace with 512-token prefix-block hashes",
        source = "Mooncake (FAST'25), kvcache-ai/Mooncake")
public final class MooncakeTraceReader implements TraceReader {
    /** Tokens covered by one Mooncake hash id. */
    public static final int BLOCK_TOKENS = 512;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long[] NONE = new long[0];

    @Override
    public boolean sniff(String firstLine) {
        return firstLine.startsWith("{") && firstLine.contains("\"input_length\"") && firstLine.contains("\"timestamp\"");
    }

    @Override
    public RequestStream open(Path file) throws IOException {
        TraceLines lines = new TraceLines(file);
        ArrivalClock clock = new ArrivalClock(lines);
        return new LineRequestStream(lines, (line, id) -> parse(line, id, lines, clock));
    }

    private static Request parse(String line, long id, TraceLines lines, ArrivalClock clock) {
        JsonNode row = tree(line, lines);
        double ms = number(row, "timestamp", lines);
        String shown = row.get("timestamp").asText();
        long t = clock.relative(clock.nanos(ms, 1e6, "timestamp", shown), shown);
        int input = count(row, "input_length", lines);
        int output = count(row, "output_length", lines);
        long[] hashes = hashes(row.get("hash_ids"), lines);
        return new Request(id, t, input, output, hashes, hashes.length == 0 ? 0 : BLOCK_TOKENS, null, null, null,
                adapter(row.get("adapter"), lines));
    }

    private static AdapterId adapter(JsonNode v, TraceLines lines) {
        if (v == null || v.isNull()) return null;
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < 0) {
            throw lines.error("adapter must be an integer >= 0 (a LoRA adapter id), was " + v);
        }
        return AdapterId.of(v.asInt());
    }

    private static JsonNode tree(String line, TraceLines lines) {
        try {
            JsonNode n = JSON.readTree(line);
            if (n == null || !n.isObject()) throw lines.error("expected a JSON object per line");
            return n;
        } catch (JsonProcessingException e) {
            throw lines.error("not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static double number(JsonNode row, String key, TraceLines lines) {
        JsonNode v = row.get(key);
        if (v == null || !v.isNumber()) throw lines.error(key + " is missing or not a number");
        if (!Double.isFinite(v.asDouble()) || v.asDouble() < 0) throw lines.error(key + " must be a finite number >= 0, was " + v);
        return v.asDouble();
    }

    private static int count(JsonNode row, String key, TraceLines lines) {
        JsonNode v = row.get(key);
        if (v == null || !v.canConvertToInt() || !v.isIntegralNumber()) throw lines.error(key + " is missing or not an integer");
        if (v.asInt() < 1) throw lines.error(key + " must be >= 1, was " + v.asInt());
        return v.asInt();
    }

    private static long[] hashes(JsonNode ids, TraceLines lines) {
        if (ids == null || ids.isNull()) return NONE;
        if (!ids.isArray()) throw lines.error("hash_ids must be a list of integers");
        long[] out = new long[ids.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode v = ids.get(i);
            if (!v.isIntegralNumber()) throw lines.error("hash_ids[" + i + "] is not an integer: " + v);
            out[i] = v.asLong();
        }
        return out;
    }
}
