package dev.servelab.hw.tornadovm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** Device results against the JVM reference: within 1e-4, relative to the value's size when it exceeds 1. */
final class Tolerance {
    static final double EPS = 1e-4;

    private Tolerance() {
    }

    static void assertClose(String what, float[] expected, float[] actual, int length) {
        for (int i = 0; i < length; i++) {
            double limit = EPS * Math.max(1.0, Math.abs(expected[i]));
            if (!(Math.abs(expected[i] - actual[i]) <= limit)) {
                fail(what + "[" + i + "]: expected " + expected[i] + " but the backend gave " + actual[i]);
            }
        }
    }

    static void assertSame(String what, int[] expected, int[] actual, int length) {
        for (int i = 0; i < length; i++) {
            assertEquals(expected[i], actual[i], what + "[" + i + "]");
        }
    }
}
