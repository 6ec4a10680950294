package dev.servelab.engine.pipeline;

/**
 * What the run store keeps beyond per-request rows.
 *
 * @param bucketMs            width of the per-replica time buckets (cache hit map, KV usage, throughput)
 * @param tokenSampleRequests per-token timestamps are kept for every request of runs up to this size,
 *                            and for the first this-many requests of larger runs
 * @param tokenSampleStride   in larger runs, also every stride-th request after those
 */
public record MetricsSpec(long bucketMs, int tokenSampleRequests, int tokenSampleStride) {
    public static final MetricsSpec DEFAULT = new MetricsSpec(1000, 10_000, 100);
}
