package dev.servelab.engine.pipeline;

/**
 * The pipeline's {@code health:} section: a replica that fails {@code unhealthyAfterFailures}
 * consecutive requests (connect, stream or HTTP 5xx failures) leaves routing; it is probed after
 * {@code probeBackoffMs}, then after twice that each time a probe fails, capped at
 * {@code probeBackoffMaxMs}, and re-admitted when a probe (or a request still in flight) answers.
 * Defaults follow NGINX's passive health check ({@code max_fails=1}) and Envoy's outlier detection
 * (ejection time grows with each ejection, capped).
 */
public record HealthSpec(int unhealthyAfterFailures, long probeBackoffMs, long probeBackoffMaxMs) {
    public static final HealthSpec DEFAULT = new HealthSpec(1, 1_000, 30_000);

    /** The wait before probe number {@code probe} (from 1): the back-off doubled per failed probe, capped. */
    public long backoffNanos(int probe) {
        long ms = probeBackoffMs;
        for (int i = 1; i < probe && ms < probeBackoffMaxMs; i++) ms *= 2;
        return Math.min(ms, probeBackoffMaxMs) * 1_000_000;
    }
}
