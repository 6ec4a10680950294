package dev.servelab.engine.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads a run's {@code replica_buckets} into a dense {@link BucketTable}. */
final class BucketQuery {
    private BucketQuery() {
    }

    static BucketTable read(Connection c, long runId, int replicas, long bucketNanos) throws SQLException {
        int buckets = maxBucket(c, runId) + 1;
        long[][] prefill = new long[replicas][buckets], decode = new long[replicas][buckets];
        long[][] lookup = new long[replicas][buckets], hit = new long[replicas][buckets], pre = new long[replicas][buckets];
        double[][] kv = new double[replicas][buckets], batch = new double[replicas][buckets];
        String sql = "SELECT replica, bucket, iterations, prefill_tokens, decode_tokens, batch_size_sum, kv_used_blocks_sum,"
                + " kv_capacity_blocks, lookup_tokens, hit_tokens, preemptions FROM replica_buckets WHERE run_id=?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int r = rs.getInt(1);
                    int b = rs.getInt(2);
                    if (r < 0 || r >= replicas || b < 0 || b >= buckets) continue;
                    long its = Math.max(1, rs.getLong(3));
                    prefill[r][b] = rs.getLong(4);
                    decode[r][b] = rs.getLong(5);
                    batch[r][b] = (double) rs.getLong(6) / its;
                    long cap = rs.getLong(8);
                    kv[r][b] = cap == 0 ? 0 : (double) rs.getLong(7) / its / cap;
                    lookup[r][b] = rs.getLong(9);
                    hit[r][b] = rs.getLong(10);
                    pre[r][b] = rs.getLong(11);
                }
            }
        }
        long[][] cpu = new long[replicas][buckets], disk = new long[replicas][buckets];
        if (TierTables.present(c, "bucket_cache_tiers")) {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT replica, bucket, hit_tokens_cpu, hit_tokens_disk FROM bucket_cache_tiers WHERE run_id=?")) {
                ps.setLong(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int r = rs.getInt(1);
                        int b = rs.getInt(2);
                        if (r < 0 || r >= replicas || b < 0 || b >= buckets) continue;
                        cpu[r][b] = rs.getLong(3);
                        disk[r][b] = rs.getLong(4);
                    }
                }
            }
        }
        return new BucketTable(bucketNanos, replicas, buckets, prefill, decode, lookup, hit, kv, pre, batch, cpu, disk);
    }

    private static int maxBucket(Connection c, long runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(max(bucket), -1) FROM replica_buckets WHERE run_id=?")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : -1;
            }
        }
    }
}
