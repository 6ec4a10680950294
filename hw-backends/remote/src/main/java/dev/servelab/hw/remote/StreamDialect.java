package dev.servelab.hw.remote;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * How one server family speaks the OpenAI-compatible streaming API: which extra request fields it
 * takes (to force the trace's output length, to get usage in the stream) and how its chunks carry
 * tokens, finish reasons, usage and timings.
 */
public interface StreamDialect {
    /** Stable id used in settings and the device registry: {@code openai}, {@code vllm}, ... */
    String id();

    /** Whether the server can be told to ignore end-of-sequence, so outputs have exactly {@code max_tokens}. */
    boolean supportsIgnoreEos();

    /** Adds this dialect's fields to a request body that already has model, prompt/messages, max_tokens, stream. */
    void decorate(ObjectNode body);

    /** Parses one server-sent event's data ({@code [DONE]} included). Throws {@link StreamFormatException}. */
    default StreamChunk parse(String data) {
        return OpenAiChunks.isDone(data) ? StreamChunk.DONE : OpenAiChunks.parse(data);
    }

    /** Every built-in dialect. */
    static List<StreamDialect> all() {
        return List.of(new OpenAiStreamDialect(), new VllmStreamDialect(), new SglangStreamDialect(),
                new LlamaCppStreamDialect(), new OllamaStreamDialect(), new ServeLabStreamDialect());
    }

    /** Every built-in dialect's id, ServeLab's own (the default for a device) first: for pickers and help. */
    static List<String> ids() {
        List<String> ids = new java.util.ArrayList<>(List.of(ServeLabStreamDialect.ID));
        for (StreamDialect d : all()) if (!d.id().equals(ServeLabStreamDialect.ID)) ids.add(d.id());
        return List.copyOf(ids);
    }

    /** The dialect called {@code id}; the error lists the known ones. */
    static StreamDialect byId(String id) {
        for (StreamDialect d : all()) {
            if (d.id().equalsIgnoreCase(id)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown dialect '" + id + "' (known: "
                + String.join(", ", all().stream().map(StreamDialect::id).toList()) + ")");
    }
}
