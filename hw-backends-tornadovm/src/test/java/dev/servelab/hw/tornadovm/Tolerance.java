package dev.servelab.hw.tornadovm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** Device results against the JVM reference: within 1e-4, relative to the value's size when it exceeds 1. */
final class Tolerance {
    static final double EPS = 1e-4;

    private Tolerance() {
    }

    private static double maxAbsDifference;
    private static long compared;

    static void assertClose(String what, float[] expected, float[] actual, int length) {
        for (int i = 0; i < length; i++) {
            double limit = EPS * Math.max(1.0, Math.abs(expected[i]));
            double difference = Math.abs(expected[i] - actual[i]);
            maxAbsDifference = Math.max(maxAbsDifference, difference);
            compared++;
            if (!(difference <= limit)) {
                fail(what + "[" + i + "]: expected " + expected[i] + " but the backend gave " + actual[i]);
            }
        }
    }

    /** Forgets the differences seen so far. */
    static void resetStatistics() {
        maxAbsDifference = 0;
        compared = 0;
    }

    /** The largest {@code |expected - actual|} {@link #assertClose} has seen since the last reset. */
    static double maxAbsDifference() {
        return maxAbsDifference;
    }

    /** Values {@link #assertClose} has compared since the last reset. */
    static long compared() {
        return compared;
    }

    static void assertSame(String what, int[] expected, int[] actual, int length) {
        for (int i = 0; i < length; i++) {
            assertEquals(expected[i], actual[i], what + "[" + i + "]");
        }
    }
}
