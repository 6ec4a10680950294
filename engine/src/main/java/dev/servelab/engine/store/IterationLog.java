package dev.servelab.engine.store;

import dev.servelab.engine.observe.IterationRecord;

import java.util.List;

/**
 * One replica's iterations, packed {@value #CHUNK} to a row as varints: per iteration the gap since
 * the previous iteration's end, the duration, prefill tokens, decode tokens, batch size and KV blocks
 * in use. {@link IterationDecoder} reads them back for the per-replica Gantt.
 */
final class IterationLog {
    static final int CHUNK = 4096;
    static final int FIELDS = 6;
    private final int replica;
    private final VarintCodec codec = new VarintCodec(CHUNK * 12);
    private int count;
    private int chunk;
    private long firstStart;
    private long prevEnd;

    IterationLog(int replica) {
        this.replica = replica;
    }

    /** One {@code iterations} row. */
    record Chunk(int replica, int chunk, long firstStartNanos, int count, byte[] data) {
    }

    void add(IterationRecord it, List<Chunk> out) {
        if (count == 0) {
            firstStart = it.startNanos;
            prevEnd = it.startNanos;
        }
        codec.write(it.startNanos - prevEnd);
        codec.write(it.endNanos - it.startNanos);
        codec.write(it.prefillTokens);
        codec.write(it.decodeTokens);
        codec.write(it.batchSize);
        codec.write(it.kvUsedBlocks);
        prevEnd = it.endNanos;
        if (++count == CHUNK) flush(out);
    }

    void flush(List<Chunk> out) {
        if (count == 0) return;
        out.add(new Chunk(replica, chunk++, firstStart, count, codec.toBytes()));
        codec.clear();
        count = 0;
    }
}
