package dev.servelab.app.cache;

/**
 * A request whose prefill was scheduled in the selected heat-map cell; {@code cachedCpu} and {@code cachedDisk}
 * are the parts of {@code cachedTokens} loaded from the CPU and disk tiers (the rest hit on the GPU).
 */
public record CellRequest(long requestId, double arrivalS, int promptTokens, int cachedTokens, double ttftMs, int cachedCpu,
                          int cachedDisk) {
    public CellRequest(long requestId, double arrivalS, int promptTokens, int cachedTokens, double ttftMs) {
        this(requestId, arrivalS, promptTokens, cachedTokens, ttftMs, 0, 0);
    }

    /** Cached tokens that hit on the GPU. */
    public int cachedGpu() {
        return cachedTokens - cachedCpu - cachedDisk;
    }

    public double hitRatio() {
        return promptTokens == 0 ? 0 : (double) cachedTokens / promptTokens;
    }
}
