package dev.servelab.plugins.trace;

import dev.servelab.engine.model.Request;
import dev.servelab.engine.spi.Plugin;
import dev.servelab.engine.spi.RequestStream;
import dev.servelab.engine.spi.Setting;
import dev.servelab.engine.spi.TraceReader;
import dev.servelab.engine.workload.TraceLines;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The BurstGPT trace (Wang et al., "BurstGPT: A Real-World Workload Dataset to Optimize LLM Serving
 * Systems", 2024; HPMLL/BurstGPT): {@code Timestamp} (seconds), {@code Model}, {@code Request tokens},
 * {@code Response tokens}, {@code Total tokens}, {@code Log Type}, and in the newer files
 * {@code Session ID} and {@code Elapsed time}. Columns are found by name, so both variants read.
 * {@code Model} becomes the tenant, {@code Log Type} the SLO class and {@code Session ID} the session.
 * Failed requests (0 response tokens, or 0 request tokens) are skipped unless {@code skip_failed} is off,
 * in which case they are an error.
 */
@Plugin(id = "trace.burstgpt", summary = "BurstGPT CSV (Azure OpenAI GPT-3.5/GPT-4 logs), with or without sessions",
        source = "BurstGPT (arXiv:2401.17644), HPMLL/BurstGPT")
public final class BurstGptTraceReader implements TraceReader {
    static final List<String> COLUMNS = List.of("Timestamp", "Model", "Request tokens", "Response tokens");

    public record Settings(@Setting(summary = "skip failed rows (0 request or response tokens) instead of failing") boolean skipFailed) {
        public Settings() {
            this(true);
        }
    }

    private final Settings settings;

    public BurstGptTraceReader() {
        this(new Settings());
    }

    public BurstGptTraceReader(Settings settings) {
        this.settings = settings;
    }

    @Override
    public boolean sniff(String firstLine) {
        return CsvHeader.parse(firstLine).hasAll(COLUMNS);
    }

    @Override
    public RequestStream open(Path file) throws IOException {
        TraceLines lines = new TraceLines(file);
        CsvHeader header = CsvHeader.parse(LineRequestStream.header(lines, this::sniff,
                "Timestamp,Model,Request tokens,Response tokens,Total tokens,Log Type"));
        Columns c = new Columns(header.require("Timestamp", lines), header.require("Model", lines),
                header.require("Request tokens", lines), header.require("Response tokens", lines),
                header.find("Log Type"), header.find("Session ID"));
        FieldParser fields = new FieldParser(lines);
        ArrivalClock clock = new ArrivalClock(lines);
        int minTokens = settings.skipFailed() ? 0 : 1;
        return new LineRequestStream(lines, (line, id) -> {
            String[] f = fields.split(line, header.width());
            long t = clock.relative(fields.secondsAsNanos(f[c.time], "Timestamp"), f[c.time].trim());
            int in = fields.tokens(f[c.request], "Request tokens", minTokens);
            int out = fields.tokens(f[c.response], "Response tokens", minTokens);
            if (in == 0 || out == 0) return null;
            return new Request(id, t, in, out, null, 0, text(f, c.session), text(f, c.model), text(f, c.logType));
        });
    }

    private static String text(String[] f, int i) {
        return i < 0 || f[i].isBlank() ? null : f[i].trim();
    }

    private record Columns(int time, int model, int request, int response, int logType, int session) {
    }
}
