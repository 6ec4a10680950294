package dev.servelab.hw.jvm;

/** Tokens generated per sequence, and the time spent in the prefill iteration and in decode iterations. */
public record GreedyRun(int[][] tokens, long prefillNanos, long decodeNanos, int decodeSteps) {
    /** Decode tokens per second over all sequences. */
    public double decodeTokensPerSecond() {
        return decodeNanos == 0 ? 0 : (double) decodeSteps * tokens.length / (decodeNanos / 1e9);
    }
}
