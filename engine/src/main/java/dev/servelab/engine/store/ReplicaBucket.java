package dev.servelab.engine.store;

import dev.servelab.engine.observe.IterationRecord;

import java.util.List;

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
    private long hitTokensCpu;
    private long hitTokensDisk;
    private long preemptions;
    private double joules;

    ReplicaBucket(int replica, long widthNanos) {
        this.replica = replica;
        this.widthNanos = widthNanos;
    }

    /** One {@code replica_buckets} row. */
    record Row(int replica, long bucket, long iterations, long busyNanos, long prefillTokens, long decodeTokens,
               long batchSizeSum, int kvMax, long kvSum, int kvCapacity, int waitingMax, long lookupTokens,
               long hitTokens, long preemptions, double joules, long hitTokensCpu, long hitTokensDisk) {
    }

    /** Adds an iteration, emitting the previous bucket's row when the iteration starts a new bucket. */
    void add(IterationRecord it, List<Row> out) {
        long b = it.endNanos / widthNanos;
        if (b != bucket) {
            flush(out);
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
        hitTokensCpu += it.hitTokensCpu;
        hitTokensDisk += it.hitTokensDisk;
        preemptions += it.preemptions;
        if (!Double.isNaN(it.joules)) joules += it.joules;
    }

    void flush(List<Row> out) {
        if (bucket < 0 || iterations == 0) return;
        out.add(new Row(replica, bucket, iterations, busyNanos, prefillTokens, decodeTokens, batchSizeSum, kvMax, kvSum,
                kvCapacity, waitingMax, lookupTokens, hitTokens, preemptions, joules, hitTokensCpu, hitTokensDisk));
        hitTokensCpu = hitTokensDisk = 0;
        iterations = busyNanos = prefillTokens = decodeTokens = batchSizeSum = kvSum = lookupTokens = hitTokens = preemptions = 0;
        kvMax = waitingMax = 0;
        joules = 0;
    }
}
