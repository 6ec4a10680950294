package dev.servelab.engine.store;

import dev.servelab.engine.replica.IterationRecord;

import java.sql.PreparedStatement;
import java.sql.SQLException;

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

    void add(IterationRecord it, long runId, PreparedStatement insert) throws SQLException {
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
        if (++count == CHUNK) write(runId, insert);
    }

    void write(long runId, PreparedStatement ps) throws SQLException {
        if (count == 0) return;
        ps.setLong(1, runId);
        ps.setInt(2, replica);
        ps.setInt(3, chunk++);
        ps.setLong(4, firstStart);
        ps.setInt(5, count);
        ps.setBytes(6, codec.toBytes());
        ps.addBatch();
        codec.clear();
        count = 0;
    }
}
