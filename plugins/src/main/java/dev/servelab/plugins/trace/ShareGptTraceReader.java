package dev.servelab.plugins.trace;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.workload.TraceLines;
import dev.servelab.engine.model.Request;
import dev.servelab.engine.spi.Plugin;
import dev.servelab.engine.spi.RequestStream;
import dev.servelab.engine.spi.Setting;
import dev.servelab.engine.spi.TraceReader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;

/**
 * A ShareGPT-style JSON document (the format of {@code ShareGPT_V3_unfiltered_cleaned_split.json}
 * used by vLLM's and SGLang's benchmarks): a list of {@code {"id", "conversations": [{"from", "value"}…]}}.
 * Every assistant turn becomes one request whose prompt is the conversation so far (history grows
 * turn by turn, with chained block hashes so prefix caching sees the reuse) and whose output is the
 * answer; lengths are {@link TokenEstimate estimated} from the text. The file has no arrival times:
 * requests are spaced evenly at {@code rate_per_s} in file order. Streamed with Jackson's streaming
 * parser, one conversation in memory at a time.
 */
@Plugin(id = "trace.sharegpt", summary = "ShareGPT-style JSON conversations (lengths estimated from text)",
        source = "ShareGPT / vLLM benchmarks")
public final class ShareGptTraceReader implements TraceReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    public record Settings(
            @Setting(summary = "arrival rate (requests evenly spaced)", unit = "req/s", min = 1e-9) double ratePerS,
            @Setting(summary = "only the first assistant turn of each conversation (as vLLM bench)") boolean firstTurnOnly,
            @Setting(summary = "tokens per prefix-hash block (0 = no hashes)", unit = "tokens", min = 0) int blockTokens) {
        public Settings() {
            this(1.0, false, 16);
        }
    }

    private final Settings settings;

    public ShareGptTraceReader() {
        this(new Settings());
    }

    public ShareGptTraceReader(Settings settings) {
        this.settings = settings;
    }

    @Override
    public boolean sniff(String firstLine) {
        return firstLine.startsWith("[") && (firstLine.equals("[") || firstLine.contains("\"conversations\""));
    }

    @Override
    public RequestStream open(Path file) throws IOException {
        JsonParser p;
        try {
            p = JSON.getFactory().createParser(TraceInput.open(file));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ServeLabException(file + ": trace file not found");
        } catch (IOException e) {
            throw new ServeLabException(file + ": " + TraceLines.readFailure(e));
        }
        try {
            if (p.nextToken() != JsonToken.START_ARRAY) throw error(file, p, "expected a JSON list of conversations");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            p.close();
            throw error(file, p, "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            p.close();
            throw error(file, p, TraceLines.readFailure(e));
        }
        return new Stream(file, p);
    }

    static ServeLabException error(Path file, JsonParser p, String reason) {
        return new ServeLabException(file + ":" + p.currentLocation().getLineNr() + ": " + reason);
    }

    private final class Stream implements RequestStream {
        private final Path file;
        private final JsonParser parser;
        private final ArrayDeque<Request> pending = new ArrayDeque<>();
        private final ShareGptConversation turns;
        private long id;

        Stream(Path file, JsonParser parser) {
            this.file = file;
            this.parser = parser;
            this.turns = new ShareGptConversation(settings.firstTurnOnly(), settings.blockTokens());
        }

        @Override
        public Request next() throws IOException {
            while (pending.isEmpty()) {
                if (!readConversation()) return null;
            }
            return pending.poll();
        }

        private boolean readConversation() throws IOException {
            try {
                JsonToken t = parser.nextToken();
                if (t == JsonToken.END_ARRAY || t == null) return false;
                long line = parser.currentLocation().getLineNr();
                if (t != JsonToken.START_OBJECT) throw error(file, parser, "expected a conversation object, found " + t);
                JsonNode conversation = JSON.readTree(parser);
                for (ShareGptConversation.Turn turn : turns.turns(conversation, file + ":" + line)) {
                    long arrival = Math.round(id * 1e9 / settings.ratePerS());
                    pending.add(new Request(id++, arrival, turn.promptTokens(), turn.outputTokens(), turn.hashIds(),
                            turn.hashIds().length == 0 ? 0 : settings.blockTokens(), turn.sessionId(), null, null));
                }
                return true;
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw error(file, parser, "not valid JSON: " + e.getOriginalMessage());
            } catch (IOException e) {
                throw error(file, parser, TraceLines.readFailure(e));
            }
        }

        @Override
        public void close() throws IOException {
            parser.close();
        }
    }
}
