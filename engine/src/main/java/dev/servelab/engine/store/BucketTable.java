package dev.servelab.engine.store;

/**
 * The {@code replica_buckets} rows of a run as a dense replica × bucket grid ({@code [replica][bucket]});
 * buckets in which a replica ran no iteration are zero. {@code hitCpu} and {@code hitDisk} are the parts of {@code hit}
 * loaded from the CPU and disk tiers of tiered KV offload (zero without).
 */
public record BucketTable(long bucketNanos, int replicas, int buckets, long[][] prefill, long[][] decode,
                          long[][] lookup, long[][] hit, double[][] kvUsage, long[][] preemptions,
                          double[][] batchSize, long[][] hitCpu, long[][] hitDisk) {
    /** Hit tokens of a cell that hit on the GPU (every hit not loaded from a lower tier). */
    public long hitGpu(int replica, int bucket) {
        return hit[replica][bucket] - hitCpu[replica][bucket] - hitDisk[replica][bucket];
    }

    /** Whether any cell has hits from a tier below the GPU (the hit map then shows tiers). */
    public boolean hasLowerTierHits() {
        for (int r = 0; r < replicas; r++) {
            for (int b = 0; b < buckets; b++) if (hitCpu[r][b] > 0 || hitDisk[r][b] > 0) return true;
        }
        return false;
    }

    /** Prefix-cache hit ratio of a cell, or NaN when nothing was looked up. */
    public double hitRatio(int replica, int bucket) {
        long l = lookup[replica][bucket];
        return l == 0 ? Double.NaN : (double) hit[replica][bucket] / l;
    }

    public double bucketSeconds() {
        return bucketNanos / 1e9;
    }
}
