package dev.servelab.hw.remote;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Reads a {@code text/event-stream} body event by event: {@code data:} lines of one event are
 * joined with newlines, a blank line ends the event, lines starting with {@code :} are comments
 * (keep-alives), other fields ({@code event:}, {@code id:}, {@code retry:}) are ignored; LF and CRLF
 * line ends both work. Source: WHATWG HTML Living Standard, §9.2 "Server-sent events".
 */
public final class SseEventReader {
    private final BufferedReader in;

    public SseEventReader(InputStream body) {
        this.in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
    }

    /** The next event's data, or null at the end of the stream (a trailing unterminated event is returned). */
    public String next() throws IOException {
        StringBuilder data = null;
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isEmpty()) {
                if (data != null) {
                    return data.toString();
                }
                continue;
            }
            if (line.startsWith(":")) {
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            if (!field.equals("data")) {
                continue;
            }
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
        }
        return data == null ? null : data.toString();
    }
}
