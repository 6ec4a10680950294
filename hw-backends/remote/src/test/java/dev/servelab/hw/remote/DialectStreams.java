package dev.servelab.hw.remote;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Parses a whole hand-written event stream with a dialect, as the client does. */
final class DialectStreams {
    private DialectStreams() {
    }

    static List<StreamChunk> parse(StreamDialect dialect, String stream) throws IOException {
        SseEventReader events = new SseEventReader(new ByteArrayInputStream(stream.getBytes(StandardCharsets.UTF_8)));
        List<StreamChunk> out = new ArrayList<>();
        String data;
        while ((data = events.next()) != null) {
            out.add(dialect.parse(data));
        }
        return out;
    }

    static String tokens(List<StreamChunk> chunks) {
        StringBuilder sb = new StringBuilder();
        for (StreamChunk c : chunks) {
            if (c.carriesToken()) sb.append('[').append(c.text()).append(']');
        }
        return sb.toString();
    }

    static String finish(List<StreamChunk> chunks) {
        return chunks.stream().map(StreamChunk::finishReason).filter(f -> f != null).findFirst().orElse(null);
    }

    static Usage usage(List<StreamChunk> chunks) {
        return chunks.stream().map(StreamChunk::usage).filter(u -> u != null).reduce((a, b) -> b).orElse(null);
    }
}
