package dev.servelab.engine.store;

import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.model.Request;
import dev.servelab.engine.replica.IterationRecord;
import dev.servelab.engine.replica.LongList;
import dev.servelab.engine.replica.RunObserver;
import dev.servelab.engine.replica.Sequence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Writes a run's rows into the store as it goes, in batched inserts committed every
 * {@value #COMMIT_EVERY} rows, so a long run's storage costs a fraction of its time and a crashed
 * run keeps what it had (its {@code runs} row still says it did not complete).
 */
public final class RunRecorder implements RunObserver {
    static final int COMMIT_EVERY = 50_000;
    private final Connection c;
    private final long runId;
    private final PreparedStatement insRequest;
    private final PreparedStatement insTokens;
    private final PreparedStatement insIteration;
    private final PreparedStatement insBucket;
    private final IterationLog[] logs;
    private final ReplicaBucket[] buckets;
    private int pending;

    public RunRecorder(RunStore store, long runId, int replicas, long bucketNanos) {
        this.c = store.connection();
        this.runId = runId;
        try {
            c.setAutoCommit(false);
            insRequest = c.prepareStatement("INSERT INTO requests VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
            insTokens = c.prepareStatement("INSERT INTO token_times VALUES (?,?,?,?,?,?,?,?)");
            insIteration = c.prepareStatement("INSERT INTO iterations VALUES (?,?,?,?,?,?)");
            insBucket = c.prepareStatement("INSERT INTO replica_buckets VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
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
        guard(() -> {
            bindRequest(r, replica, -1, -1, -1, 0, 0, "rejected", reason);
            countRow();
        });
    }

    @Override
    public void onFinished(Sequence s, long nowNanos) {
        guard(() -> {
            bindRequest(s.request(), s.replica(), s.firstScheduledNanos(), s.firstTokenNanos(), s.finishNanos(),
                    s.totalCachedTokens(), s.preemptions(), "completed", null);
            countRow();
            if (s.isSampled()) {
                writeTokens(s);
                countRow();
            }
        });
    }

    @Override
    public void onIteration(IterationRecord it) {
        guard(() -> {
            logs[it.replica].add(it, runId, insIteration);
            buckets[it.replica].add(it, runId, insBucket);
            if (++pending >= COMMIT_EVERY) flush();
        });
    }

    private void bindRequest(Request r, int replica, long scheduled, long firstToken, long finish, int cached,
                             int preemptions, String status, String reason) throws SQLException {
        PreparedStatement ps = insRequest;
        ps.setLong(1, runId);
        ps.setLong(2, r.id());
        ps.setInt(3, replica);
        ps.setLong(4, r.arrivalNanos());
        setNullable(ps, 5, scheduled);
        setNullable(ps, 6, firstToken);
        setNullable(ps, 7, finish);
        ps.setInt(8, r.promptTokens());
        ps.setInt(9, r.outputTokens());
        ps.setInt(10, cached);
        ps.setInt(11, preemptions);
        ps.setString(12, status);
        ps.setString(13, reason);
        ps.setString(14, r.tenant());
        ps.setString(15, r.sloClass());
        ps.addBatch();
    }

    private static void setNullable(PreparedStatement ps, int i, long v) throws SQLException {
        if (v < 0) ps.setNull(i, Types.INTEGER);
        else ps.setLong(i, v);
    }

    private void writeTokens(Sequence s) throws SQLException {
        LongList t = s.tokenTimes();
        VarintCodec gaps = new VarintCodec(t.size() * 4);
        long prev = s.request().arrivalNanos();
        for (int i = 0; i < t.size(); i++) {
            gaps.write(t.get(i) - prev);
            prev = t.get(i);
        }
        PreparedStatement ps = insTokens;
        ps.setLong(1, runId);
        ps.setLong(2, s.request().id());
        ps.setInt(3, s.replica());
        ps.setLong(4, s.request().arrivalNanos());
        ps.setLong(5, s.firstScheduledNanos());
        ps.setInt(6, t.size());
        ps.setBytes(7, gaps.toBytes());
        LongList p = s.preemptionTimes();
        if (p.size() == 0) {
            ps.setNull(8, Types.BLOB);
        } else {
            VarintCodec pc = new VarintCodec(p.size() * 8);
            for (int i = 0; i < p.size(); i++) pc.write(p.get(i));
            ps.setBytes(8, pc.toBytes());
        }
        ps.addBatch();
    }

    private void countRow() throws SQLException {
        if (++pending >= COMMIT_EVERY) flush();
    }

    private void flush() throws SQLException {
        insRequest.executeBatch();
        insTokens.executeBatch();
        insIteration.executeBatch();
        insBucket.executeBatch();
        c.commit();
        pending = 0;
    }

    /** Writes what is still buffered (last iteration chunks and buckets) and commits. */
    public void complete() {
        guard(() -> {
            for (IterationLog l : logs) l.write(runId, insIteration);
            for (ReplicaBucket b : buckets) b.write(runId, insBucket);
            flush();
        });
    }

    /** Commits what was recorded so far (for a run that failed or was cancelled) and leaves autocommit on. */
    public void abandon() {
        try {
            flush();
        } catch (SQLException ignored) {
            // the run is being marked failed anyway; keep the first error
        }
        close();
    }

    public void close() {
        try {
            insRequest.close();
            insTokens.close();
            insIteration.close();
            insBucket.close();
            c.setAutoCommit(true);
        } catch (SQLException e) {
            throw new ServeLabException("cannot close the run recorder: " + e.getMessage(), e);
        }
    }

    private interface SqlAction {
        void run() throws SQLException;
    }

    private void guard(SqlAction a) {
        try {
            a.run();
        } catch (SQLException e) {
            throw new ServeLabException("run store write failed: " + e.getMessage(), e);
        }
    }
}
