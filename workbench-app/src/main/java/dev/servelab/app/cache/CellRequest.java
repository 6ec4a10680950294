package dev.servelab.app.cache;

/** A request whose prefill was scheduled in the selected heat-map cell. */
public record CellRequest(long requestId, double arrivalS, int promptTokens, int cachedTokens, double ttftMs) {
    public double hitRatio() {
        return promptTokens == 0 ? 0 : (double) cachedTokens / promptTokens;
    }
}
