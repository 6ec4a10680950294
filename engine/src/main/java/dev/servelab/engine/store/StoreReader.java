package dev.servelab.engine.store;

import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.model.ClusterEvent;
import dev.servelab.engine.model.ClusterEventKind;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/**
 * Reads one run's rows back for analysis (the workbench's result views): requests, sampled token
 * times, iterations and time buckets, each decoded into column arrays in one pass over its table.
 * It opens a connection of its own, so it reads while another connection writes (the store is in
 * WAL mode) and never shares one with a run in progress. Runs themselves are listed by {@link RunStore}.
 */
public final class StoreReader implements AutoCloseable {
    private final Path file;
    private final Connection connection;

    private StoreReader(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** A reader on the store at {@code file} (which {@link RunStore#open} created). */
    public static StoreReader open(Path file) {
        try {
            return new StoreReader(file, RunStore.connect(file));
        } catch (SQLException e) {
            throw new ServeLabException(file + ": cannot open the run store: " + StoreErrors.describe(e), e);
        }
    }

    /** The run's {@code requests} rows in request-id order. */
    public RequestTable requests(long runId) {
        return read(runId, () -> RequestQuery.read(connection, runId));
    }

    /** The run's sampled per-token times, requests in arrival order. */
    public TokenTable tokens(long runId) {
        return read(runId, () -> TokenQuery.read(connection, runId));
    }

    /** The run's iterations, one table per replica {@code 0 .. replicas-1} (rows of other replicas are skipped). */
    public List<IterationTable> iterations(long runId, int replicas) {
        return read(runId, () -> IterationQuery.read(connection, runId, replicas));
    }

    /** The run's iterations, one table per replica that recorded any (replicas {@code 0 .. max}). */
    public List<IterationTable> iterations(long runId) {
        return read(runId, () -> IterationQuery.readAll(connection, runId));
    }

    /** The run's time buckets as a dense replica × bucket grid of {@code bucketNanos} buckets. */
    public BucketTable buckets(long runId, int replicas, long bucketNanos) {
        return read(runId, () -> BucketQuery.read(connection, runId, replicas, bucketNanos));
    }

    /** The run's cluster-level events (health, faults, rollout stages) in time order. */
    public List<ClusterEvent> events(long runId) {
        return read(runId, () -> {
            List<ClusterEvent> out = new java.util.ArrayList<>();
            try (var ps = connection.prepareStatement(
                    "SELECT at_ns, kind, replica, detail FROM run_events WHERE run_id = ? ORDER BY at_ns, rowid")) {
                ps.setLong(1, runId);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ClusterEvent(rs.getLong(1), ClusterEventKind.fromDb(rs.getString(2)), rs.getInt(3),
                                rs.getString(4)));
                    }
                }
            }
            return out;
        });
    }

    /** One query of this reader. */
    private interface Query<T> {
        T run() throws SQLException;
    }

    private <T> T read(long runId, Query<T> q) {
        try {
            return q.run();
        } catch (SQLException e) {
            throw new ServeLabException(file + ": cannot read run " + runId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new ServeLabException(file + ": cannot close the run store: " + e.getMessage(), e);
        }
    }
}
