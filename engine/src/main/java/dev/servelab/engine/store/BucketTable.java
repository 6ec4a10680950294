package dev.servelab.engine.store;

/**
 * The {@code replica_buckets} rows of a run as a dense replica × bucket grid ({@code [replica][bucket]});
 * buckets in which a replica ran no iteration are zero.
 */
public record BucketTable(long bucketNanos, int replicas, int buckets, long[][] prefill, long[][] decode,
                          long[][] lookup, long[][] hit, double[][] kvUsage, long[][] preemptions,
                          double[][] batchSize) {
    /** Prefix-cache hit ratio of a cell, or NaN when nothing was looked up. */
    public double hitRatio(int replica, int bucket) {
        long l = lookup[replica][bucket];
        return l == 0 ? Double.NaN : (double) hit[replica][bucket] / l;
    }

    public double bucketSeconds() {
        return bucketNanos / 1e9;
    }
}
