package dev.servelab.engine.store;

import dev.servelab.engine.replica.IterationRecord;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Accumulates one replica's iterations into fixed-width time buckets (by iteration end time) for the
 * cache hit map, KV usage and throughput over time; writes a row when a bucket is left.
 */
final class ReplicaBucket {
    private final int replica;
    private final long widthNanos;
    private long bucket = -1;
    private long iterations;
    private long busyNanos;
    private long prefillTokens;
    private long decodeTokens;
    private long batchSizeSum;
    private int kvMax;
    private long kvSum;
    private int kvCapacity;
    private int waitingMax;
    private long lookupTokens;
    private long hitTokens;
    private long preemptions;
    private double joules;

    ReplicaBucket(int replica, long widthNanos) {
        this.replica = replica;
        this.widthNanos = widthNanos;
    }

    /** Adds an iteration; returns true when it started a new bucket after writing the previous one. */
    void add(IterationRecord it, long runId, PreparedStatement insert) throws SQLException {
        long b = it.endNanos / widthNanos;
        if (b != bucket) {
            write(runId, insert);
            bucket = b;
        }
        iterations++;
        busyNanos += it.endNanos - it.startNanos;
        prefillTokens += it.prefillTokens;
        decodeTokens += it.decodeTokens;
        batchSizeSum += it.batchSize;
        kvMax = Math.max(kvMax, it.kvUsedBlocks);
        kvSum += it.kvUsedBlocks;
        kvCapacity = it.kvCapacityBlocks;
        waitingMax = Math.max(waitingMax, it.waiting);
        lookupTokens += it.lookupTokens;
        hitTokens += it.hitTokens;
        preemptions += it.preemptions;
        if (!Double.isNaN(it.joules)) joules += it.joules;
    }

    void write(long runId, PreparedStatement ps) throws SQLException {
        if (bucket < 0 || iterations == 0) return;
        int i = 1;
        ps.setLong(i++, runId);
        ps.setInt(i++, replica);
        ps.setLong(i++, bucket);
        ps.setLong(i++, iterations);
        ps.setLong(i++, busyNanos);
        ps.setLong(i++, prefillTokens);
        ps.setLong(i++, decodeTokens);
        ps.setLong(i++, batchSizeSum);
        ps.setInt(i++, kvMax);
        ps.setLong(i++, kvSum);
        ps.setInt(i++, kvCapacity);
        ps.setInt(i++, waitingMax);
        ps.setLong(i++, lookupTokens);
        ps.setLong(i++, hitTokens);
        ps.setLong(i++, preemptions);
        ps.setDouble(i, joules);
        ps.addBatch();
        iterations = busyNanos = prefillTokens = decodeTokens = batchSizeSum = kvSum = lookupTokens = hitTokens = preemptions = 0;
        kvMax = waitingMax = 0;
        joules = 0;
    }
}
