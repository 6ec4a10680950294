package dev.servelab.engine.store;

import dev.servelab.engine.observe.SequenceRecord;
import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.model.ClusterEvent;
import dev.servelab.engine.model.Request;
import dev.servelab.engine.observe.IterationRecord;
import dev.servelab.engine.observe.LongList;
import dev.servelab.engine.observe.RunObserver;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Records a run's rows while it goes: the simulation thread only fills buffers (request rows,
 * per-token gaps, packed iterations, time buckets); full buffers go to a {@link StoreWriter} thread
 * that inserts them in one transaction each. A crashed run keeps what was committed, and its
 * {@code runs} row still says it did not complete.
 */
public final class RunRecorder implements RunObserver {
    private final long runId;
    private final StoreWriter writer;
    private final IterationLog[] logs;
    private final ReplicaBucket[] buckets;
    private RequestRows requests = new RequestRows();
    private List<TokenRow> tokens = new ArrayList<>();
    private List<IterationLog.Chunk> chunks = new ArrayList<>();
    private List<ReplicaBucket.Row> bucketRows = new ArrayList<>();
    private List<ClusterEvent> events = new ArrayList<>();
    private List<long[]> tierRows = new ArrayList<>();
    private boolean closed;

    private record TokenRow(long requestId, int replica, long arrivalNanos, long scheduledNanos, int count, byte[] gaps,
                            byte[] preemptedAt) {
    }

    public RunRecorder(RunStore store, long runId, int replicas, long bucketNanos) {
        this.runId = runId;
        try {
            this.writer = new StoreWriter(store.connection());
        } catch (SQLException e) {
            throw new ServeLabException(store.file() + ": cannot prepare the run store: " + e.getMessage(), e);
        }
        logs = new IterationLog[replicas];
        buckets = new ReplicaBucket[replicas];
        for (int i = 0; i < replicas; i++) {
            logs[i] = new IterationLog(i);
            buckets[i] = new ReplicaBucket(i, bucketNanos);
        }
    }

    @Override
    public void onRejected(Request r, String reason, int replica, long nowNanos) {
        requests.add(r.id(), replica, r.arrivalNanos(), -1, -1, -1, r.promptTokens(), r.outputTokens(), 0, 0,
                "rejected", reason, r.tenant(), r.sloClass());
        if (requests.isFull()) submit();
    }

    @Override
    public void onFinished(SequenceRecord s, long nowNanos) {
        Request r = s.request();
        requests.add(r.id(), s.replica(), r.arrivalNanos(), s.firstScheduledNanos(), s.firstTokenNanos(), s.finishNanos(),
                r.promptTokens(), r.outputTokens(), s.totalCachedTokens(), s.preemptions(), "completed", null,
                r.tenant(), r.sloClass());
        tierRow(s);
        if (s.isSampled()) tokens.add(tokenRow(s));
        if (requests.isFull()) submit();
    }

    /** A failed request keeps what it received: first-token time, end time and, when sampled, every token's time. */
    @Override
    public void onFailed(SequenceRecord s, String reason, long nowNanos) {
        Request r = s.request();
        requests.add(r.id(), s.replica(), r.arrivalNanos(), s.firstScheduledNanos(), s.firstTokenNanos(), s.finishNanos(),
                r.promptTokens(), r.outputTokens(), s.totalCachedTokens(), s.preemptions(), "failed", reason,
                r.tenant(), r.sloClass());
        tierRow(s);
        if (s.isSampled() && s.tokenTimes().size() > 0) tokens.add(tokenRow(s));
        if (requests.isFull()) submit();
    }

    @Override
    public void onIteration(IterationRecord it) {
        logs[it.replica].add(it, chunks);
        buckets[it.replica].add(it, bucketRows);
        if (chunks.size() >= 256 || bucketRows.size() >= 16_384) submit();
    }

    @Override
    public void onClusterEvent(ClusterEvent event) {
        events.add(event);
    }

    /** A {@code request_cache_tiers} row for a request with hits loaded from a lower tier. */
    private void tierRow(SequenceRecord s) {
        if (s.cachedTokensCpu() > 0 || s.cachedTokensDisk() > 0) {
            tierRows.add(new long[]{s.request().id(), s.cachedTokensCpu(), s.cachedTokensDisk()});
        }
    }

    private static TokenRow tokenRow(SequenceRecord s) {
        LongList t = s.tokenTimes();
        VarintCodec gaps = new VarintCodec(t.size() * 4);
        long prev = s.request().arrivalNanos();
        for (int i = 0; i < t.size(); i++) {
            gaps.write(t.get(i) - prev);
            prev = t.get(i);
        }
        LongList p = s.preemptionTimes();
        byte[] preempted = null;
        if (p.size() > 0) {
            VarintCodec pc = new VarintCodec(p.size() * 8);
            for (int i = 0; i < p.size(); i++) pc.write(p.get(i));
            preempted = pc.toBytes();
        }
        return new TokenRow(s.request().id(), s.replica(), s.request().arrivalNanos(), s.firstScheduledNanos(), t.size(),
                gaps.toBytes(), preempted);
    }

    /** Hands the buffered rows to the writer thread and starts new buffers. */
    private void submit() {
        RequestRows r = requests;
        List<TokenRow> t = tokens;
        List<IterationLog.Chunk> c = chunks;
        List<ReplicaBucket.Row> b = bucketRows;
        List<ClusterEvent> e = events;
        List<long[]> tiers = tierRows;
        tierRows = new ArrayList<>();
        requests = new RequestRows();
        events = new ArrayList<>();
        tokens = new ArrayList<>();
        chunks = new ArrayList<>();
        bucketRows = new ArrayList<>();
        long id = runId;
        writer.submit(conn -> {
            r.write(conn, id);
            writeTokens(conn, id, t);
            writeChunks(conn, id, c);
            writeBuckets(conn, id, b);
            writeEvents(conn, id, e);
            writeTiers(conn, id, tiers, b);
            RunStore.heartbeat(conn, id);
        });
    }

    /** Writes everything still buffered (last iteration chunks and buckets) and waits until it is committed. */
    public void complete() {
        for (IterationLog l : logs) l.flush(chunks);
        for (ReplicaBucket b : buckets) b.flush(bucketRows);
        submit();
        writer.drain();
        close();
    }

    /** Commits what was recorded so far, for a run that failed or was cancelled. */
    public void abandon() {
        try {
            submit();
            writer.drain();
        } catch (RuntimeException ignored) {
            // the run is being marked failed anyway; keep the first error
        }
        close();
    }

    public void close() {
        if (closed) return;
        closed = true;
        writer.close();
    }

    private static void writeTokens(Connection c, long runId, List<TokenRow> rows) throws SQLException {
        if (rows.isEmpty()) return;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO token_times VALUES (?,?,?,?,?,?,?,?)")) {
            for (TokenRow t : rows) {
                ps.setLong(1, runId);
                ps.setLong(2, t.requestId());
                ps.setInt(3, t.replica());
                ps.setLong(4, t.arrivalNanos());
                ps.setLong(5, t.scheduledNanos());
                ps.setInt(6, t.count());
                ps.setBytes(7, t.gaps());
                if (t.preemptedAt() == null) ps.setNull(8, Types.BLOB);
                else ps.setBytes(8, t.preemptedAt());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void writeTiers(Connection c, long runId, List<long[]> requestRows, List<ReplicaBucket.Row> buckets)
            throws SQLException {
        if (!requestRows.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO request_cache_tiers VALUES (?,?,?,?)")) {
                for (long[] r : requestRows) {
                    ps.setLong(1, runId);
                    ps.setLong(2, r[0]);
                    ps.setLong(3, r[1]);
                    ps.setLong(4, r[2]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO bucket_cache_tiers VALUES (?,?,?,?,?)")) {
            boolean any = false;
            for (ReplicaBucket.Row r : buckets) {
                if (r.hitTokensCpu() == 0 && r.hitTokensDisk() == 0) continue;
                ps.setLong(1, runId);
                ps.setInt(2, r.replica());
                ps.setLong(3, r.bucket());
                ps.setLong(4, r.hitTokensCpu());
                ps.setLong(5, r.hitTokensDisk());
                ps.addBatch();
                any = true;
            }
            if (any) ps.executeBatch();
        }
    }

    private static void writeEvents(Connection c, long runId, List<ClusterEvent> rows) throws SQLException {
        if (rows.isEmpty()) return;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO run_events VALUES (?,?,?,?,?)")) {
            for (ClusterEvent e : rows) {
                ps.setLong(1, runId);
                ps.setLong(2, e.atNanos());
                ps.setString(3, e.kind().dbValue());
                ps.setInt(4, e.replica());
                ps.setString(5, e.detail());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void writeChunks(Connection c, long runId, List<IterationLog.Chunk> rows) throws SQLException {
        if (rows.isEmpty()) return;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO iterations VALUES (?,?,?,?,?,?)")) {
            for (IterationLog.Chunk k : rows) {
                ps.setLong(1, runId);
                ps.setInt(2, k.replica());
                ps.setInt(3, k.chunk());
                ps.setLong(4, k.firstStartNanos());
                ps.setInt(5, k.count());
                ps.setBytes(6, k.data());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void writeBuckets(Connection c, long runId, List<ReplicaBucket.Row> rows) throws SQLException {
        MultiRowInsert.insert(c, "replica_buckets", 16, rows.size(), (ps, p, k) -> {
            ReplicaBucket.Row r = rows.get(k);
            int i = p;
            ps.setLong(i++, runId);
            ps.setInt(i++, r.replica());
            ps.setLong(i++, r.bucket());
            ps.setLong(i++, r.iterations());
            ps.setLong(i++, r.busyNanos());
            ps.setLong(i++, r.prefillTokens());
            ps.setLong(i++, r.decodeTokens());
            ps.setLong(i++, r.batchSizeSum());
            ps.setInt(i++, r.kvMax());
            ps.setLong(i++, r.kvSum());
            ps.setInt(i++, r.kvCapacity());
            ps.setInt(i++, r.waitingMax());
            ps.setLong(i++, r.lookupTokens());
            ps.setLong(i++, r.hitTokens());
            ps.setLong(i++, r.preemptions());
            ps.setDouble(i, r.joules());
        });
    }
}
