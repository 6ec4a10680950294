package dev.servelab.engine.pipeline;

/**
 * Service-level objectives for goodput, as vLLM's {@code --goodput ttft:X tpot:Y e2el:Z} (milliseconds);
 * null when not set. A request is "good" when it meets every objective that is set.
 */
public record SloSpec(Double ttftMs, Double tpotMs, Double e2elMs) {
    public static final SloSpec NONE = new SloSpec(null, null, null);

    public boolean isSet() {
        return ttftMs != null || tpotMs != null || e2elMs != null;
    }
}
