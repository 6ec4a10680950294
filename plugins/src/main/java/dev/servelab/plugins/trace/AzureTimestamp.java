package dev.servelab.plugins.trace;

import dev.servelab.engine.workload.TraceLines;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * The {@code TIMESTAMP} column of the Azure LLM inference traces: {@code YYYY-MM-DD HH:MM:SS.fffffff}
 * without a zone (2023) or {@code YYYY-MM-DD HH:MM:SS.ffffff+00:00} with a UTC offset (2024); zone-less
 * values are read as UTC. Returns epoch nanoseconds.
 */
final class AzureTimestamp {
    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd")
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendLiteral('T').optionalEnd()
            .appendPattern("HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();

    private AzureTimestamp() {
    }

    static long epochNanos(String s, TraceLines lines) {
        try {
            TemporalAccessor t = TIME.parse(s);
            long epochSeconds = t.isSupported(ChronoField.OFFSET_SECONDS)
                    ? OffsetDateTime.from(t).toEpochSecond()
                    : LocalDateTime.from(t).toEpochSecond(ZoneOffset.UTC);
            return Math.addExact(Math.multiplyExact(epochSeconds, 1_000_000_000L), t.get(ChronoField.NANO_OF_SECOND));
        } catch (ArithmeticException e) {
            throw lines.error("TIMESTAMP '" + s + "' is outside the years 1678 to 2262 that a nanosecond clock can hold");
        } catch (java.time.DateTimeException e) {
            throw lines.error("TIMESTAMP '" + s + "' is not 'YYYY-MM-DD HH:MM:SS.fffffff[+HH:MM]'");
        }
    }
}
