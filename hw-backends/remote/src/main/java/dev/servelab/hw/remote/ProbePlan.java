package dev.servelab.hw.remote;

import java.time.Duration;

/**
 * A probe's calibration: TTFT at each of {@code promptLengths} ({@code repeats} requests each, one
 * at a time), TPOT at each of {@code concurrencies} (that many requests of {@code decodeTokens}
 * tokens at once), all within {@code limit}.
 */
public record ProbePlan(int[] promptLengths, int repeats, int[] concurrencies, int decodeTokens, Duration limit) {
    public ProbePlan {
        if (promptLengths.length == 0 || concurrencies.length == 0 || promptLengths.length > 16 || concurrencies.length > 16) {
            throw new IllegalArgumentException("a probe needs 1 to 16 prompt lengths and concurrencies");
        }
        if (repeats < 1 || repeats > 20 || decodeTokens < 2 || decodeTokens > 1024) {
            throw new IllegalArgumentException("repeats must be in [1, 20] and decode tokens in [2, 1024]");
        }
        for (int c : concurrencies) {
            if (c < 1 || c > 256) throw new IllegalArgumentException("concurrency " + c + " not in [1, 256]");
        }
    }

    /** Prompts of 16, 128 and 512 tokens (3 each), concurrency 1, 2, 4 and 8 with 32 tokens; 2 minutes at most. */
    public static ProbePlan standard() {
        return new ProbePlan(new int[] {16, 128, 512}, 3, new int[] {1, 2, 4, 8}, 32, Duration.ofMinutes(2));
    }
}
