package dev.servelab.engine.metrics;

/**
 * What a run with a {@code retry:} policy or {@code faults:} reports beyond the usual summary:
 * retries, the KV cache lost in crashes (blocks holding data, tokens computed by the dropped
 * requests), and the time from the first fault until SLO attainment recovered ({@code null} without
 * SLOs; see {@link FaultMetrics}).
 */
public record ResilienceSummary(long requestsRetried, long kvLostBlocks, long kvLostTokens, Double sloRecoveryS) {
}
