package dev.servelab.hw.remote;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads one streamed response to its end, stamping each token-carrying event with
 * {@link System#nanoTime()} as soon as its data is read. A watchdog closes the body when the
 * stream's deadline passes. The outcome is {@code COMPLETED} when the server finished the response
 * ({@code [DONE]} or a {@code finish_reason}), otherwise {@code FAILED} with the tokens received so far.
 */
final class StreamReading {
    private final EndpointConfig config;
    private final ScheduledExecutorService watchdog;
    private long[] times = new long[64];
    private int count;
    private final StringBuilder text = new StringBuilder();
    private String finish;
    private Usage usage;
    private ServerTimings timings;
    private boolean done;
    private String error;

    StreamReading(EndpointConfig config, ScheduledExecutorService watchdog) {
        this.config = config;
        this.watchdog = watchdog;
    }

    StreamRecord read(RemoteCall call, InputStream body, long sentNanos, long deadlineNanos, int attempts,
                      TokenObserver observer) {
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> kill = watchdog.schedule(() -> {
            expired.set(true);
            closeQuietly(body);
        }, Math.max(1, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        try {
            consume(call, body, observer);
        } catch (IOException e) {
            error = expired.get()
                    ? "stream exceeded its " + config.timeouts().wholeStream().toMillis() + " ms limit after " + count + " tokens"
                    : "stream from " + config.label() + " broke after " + count + " tokens: " + e.getMessage();
        } catch (StreamFormatException e) {
            error = config.dialect().id() + " dialect: " + e.getMessage();
        } finally {
            kill.cancel(false);
            closeQuietly(body);
        }
        boolean finished = done || finish != null;
        if (error == null && !finished) {
            error = "stream from " + config.label() + " ended after " + count + " tokens without finishing";
        }
        StreamOutcome outcome = error == null ? StreamOutcome.COMPLETED : StreamOutcome.FAILED;
        String safeError = config.apiKey() == null ? error : config.apiKey().redact(error);
        return new StreamRecord(call.requestId(), outcome, sentNanos, Arrays.copyOf(times, count), text.toString(),
                finish, usage, timings, attempts, safeError);
    }

    private void consume(RemoteCall call, InputStream body, TokenObserver observer) throws IOException {
        SseEventReader events = new SseEventReader(body);
        String data;
        while ((data = events.next()) != null) {
            long now = System.nanoTime();
            StreamChunk chunk = config.dialect().parse(data);
            if (chunk.error() != null) {
                error = "server error in stream after " + count + " tokens: " + chunk.error();
                return;
            }
            if (chunk.carriesToken()) {
                if (count == times.length) {
                    times = Arrays.copyOf(times, count * 2);
                }
                times[count] = now;
                observer.onToken(call.requestId(), count++, now);
                text.append(chunk.text());
            }
            finish = chunk.finishReason() != null ? chunk.finishReason() : finish;
            usage = chunk.usage() != null ? chunk.usage() : usage;
            timings = chunk.timings() != null ? chunk.timings() : timings;
            if (chunk.done()) {
                done = true;
                return;
            }
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // closing a broken stream: nothing more to learn
        }
    }
}
