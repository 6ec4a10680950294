package dev.servelab.engine.store;

import dev.servelab.engine.ServeLabException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The SQLite run store: one file (WAL mode) holding every run with its resolved pipeline, status,
 * summary, per-request rows, sampled per-token timing, compact iteration records and per-replica
 * time buckets. A run is inserted as {@code running} before its first event and marked
 * {@code completed}, {@code failed} or {@code cancelled} at its end; a process that dies leaves it
 * {@code running}, never looking complete, until the store is next opened: then its live lock
 * ({@link RunLocks}) shows the writer is gone and the run is marked {@code interrupted}.
 */
public final class RunStore implements AutoCloseable {
    private final Path file;
    private final Connection connection;
    private final boolean readOnly;
    private final RunLocks locks;
    private final java.util.Map<Long, String> heldTokens = new java.util.concurrent.ConcurrentHashMap<>();

    private RunStore(Path file, Connection connection, boolean readOnly) {
        this.file = file;
        this.connection = connection;
        this.readOnly = readOnly;
        this.locks = new RunLocks(file);
    }

    /**
     * Opens (creating when missing) the store at {@code file} and marks the runs of dead writers
     * {@code interrupted}. A store on read-only media (or one this user cannot write) opens read-only:
     * it can be listed and exported, and {@link #beginRun} says why it cannot record.
     */
    public static RunStore open(Path file) {
        if (Files.exists(file) && !writable(file)) return openReadOnly(file);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
        } catch (java.io.IOException e) {
            throw new ServeLabException(file + ": cannot create the run store's directory: " + StoreErrors.describe(e));
        }
        Connection c = null;
        try {
            c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout=5000");
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                for (String ddl : Schema.DDL) s.execute(ddl);
                migrate(c);
            }
            RunStore store = new RunStore(file, c, false);
            store.markInterrupted();
            return store;
        } catch (SQLException e) {
            closeQuietly(c);
            throw new ServeLabException(file + ": cannot open the run store: " + StoreErrors.describe(e), e);
        }
    }

    private static boolean writable(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        return Files.isWritable(file) && (dir == null || Files.isWritable(dir));
    }

    /** Read-only media: SQLite may not create its WAL index beside the file, so it reads the file as immutable. */
    static RunStore openReadOnly(Path file) {
        Connection c = null;
        try {
            c = connect(file);
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM runs")) {
                rs.next();
            }
            return new RunStore(file, c, true);
        } catch (SQLException e) {
            closeQuietly(c);
            throw new ServeLabException(file + ": cannot open the run store (read-only): " + StoreErrors.describe(e), e);
        }
    }

    /**
     * A connection for reading: an ordinary one, or on a store that cannot be written an immutable
     * read-only one (SQLite would otherwise need to create its WAL index beside the file).
     */
    static Connection connect(Path file) throws SQLException {
        if (!Files.exists(file) || writable(file)) return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(org.sqlite.SQLiteOpenMode.OPEN_URI);
        return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath().toUri() + "?immutable=1");
    }

    /** Adds the columns of newer schema versions to a store created by an older one. */
    private static void migrate(Connection c) throws SQLException {
        java.util.Set<String> have = new java.util.HashSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA table_info(runs)")) {
            while (rs.next()) have.add(rs.getString("name"));
        }
        try (Statement s = c.createStatement()) {
            for (String[] col : Schema.ADDED_RUN_COLUMNS) {
                if (!have.contains(col[0])) s.execute("ALTER TABLE runs ADD COLUMN " + col[0] + " " + col[1]);
            }
            s.execute("UPDATE meta SET value='" + Schema.VERSION + "' WHERE key='schema_version' AND CAST(value AS INTEGER) < " + Schema.VERSION);
        }
    }

    /**
     * Marks every {@code running} run whose writer is dead (its live lock can be taken)
     * {@code interrupted}, ending it at its last progress (the last committed batch of rows).
     */
    private void markInterrupted() throws SQLException {
        List<long[]> dead = new ArrayList<>();
        List<String> lastProgress = new ArrayList<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT run_id, writer_lock, COALESCE(heartbeat_at, created_at) AS last"
                     + " FROM runs WHERE status='" + RunStatus.RUNNING.dbValue() + "'")) {
            while (rs.next()) {
                if (!locks.isAlive(rs.getString("writer_lock"))) {
                    dead.add(new long[] {rs.getLong("run_id")});
                    lastProgress.add(rs.getString("last"));
                }
            }
        }
        String sql = "UPDATE runs SET status=?, finished_at=?, error=? WHERE run_id=? AND status=?";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < dead.size(); i++) {
                ps.setString(1, RunStatus.INTERRUPTED.dbValue());
                ps.setString(2, lastProgress.get(i));
                ps.setString(3, "interrupted: the process writing this run stopped (killed or crashed); last progress at "
                        + lastProgress.get(i));
                ps.setLong(4, dead.get(i)[0]);
                ps.setString(5, RunStatus.RUNNING.dbValue());
                ps.executeUpdate();
            }
        }
    }

    /** Whether this store was opened read-only (read-only media or no write permission). */
    public boolean isReadOnly() {
        return readOnly;
    }

    private static void closeQuietly(Connection c) {
        if (c == null) return;
        try {
            c.close();
        } catch (SQLException ignored) {
            // already failing
        }
    }

    public Path file() {
        return file;
    }

    Connection connection() {
        return connection;
    }

    public long beginRun(NewRun run) {
        if (readOnly) {
            throw new ServeLabException(file + ": the run store is read-only (read-only media or no write permission);"
                    + " give another store with --db or SERVELAB_DB");
        }
        String token;
        try {
            token = locks.acquire();
        } catch (java.io.IOException e) {
            throw new ServeLabException(file + ": cannot create the run's live lock: " + StoreErrors.describe(e), e);
        }
        String sql = "INSERT INTO runs(name, mode, status, created_at, seed, workload, replicas, bucket_ms, pipeline_json,"
                + " versions_json, heartbeat_at, writer_lock) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)";
        try (PreparedStatement ps = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            String now = Instant.now().toString();
            ps.setString(1, run.name());
            ps.setString(2, run.mode());
            ps.setString(3, RunStatus.RUNNING.dbValue());
            ps.setString(4, now);
            ps.setLong(5, run.seed());
            ps.setString(6, run.workload());
            ps.setInt(7, run.replicas());
            ps.setLong(8, run.bucketMs());
            ps.setString(9, run.pipelineJson());
            ps.setString(10, run.versionsJson());
            ps.setString(11, now);
            ps.setString(12, token);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                long id = keys.getLong(1);
                heldTokens.put(id, token);
                return id;
            }
        } catch (SQLException e) {
            locks.release(token);
            throw new ServeLabException(file + ": cannot record the run: " + StoreErrors.describe(e), e);
        }
    }

    /** The statement a batch of rows runs to record the run's last progress (its heartbeat). */
    static void heartbeat(Connection c, long runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE runs SET heartbeat_at=? WHERE run_id=?")) {
            ps.setString(1, Instant.now().toString());
            ps.setLong(2, runId);
            ps.executeUpdate();
        }
    }

    /**
     * Marks a run's end; a completed run also gets its summary. The run's live lock is released
     * even when the row cannot be updated (a full disk), so the next open marks it interrupted.
     */
    public void finishRun(long runId, RunStatus status, String summaryJson, String error) {
        String sql = "UPDATE runs SET status=?, finished_at=?, summary_json=?, error=? WHERE run_id=?";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, status.dbValue());
            ps.setString(2, Instant.now().toString());
            ps.setString(3, summaryJson);
            ps.setString(4, error);
            ps.setLong(5, runId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new ServeLabException(file + ": cannot mark run " + runId + " " + status.dbValue() + ": " + StoreErrors.describe(e), e);
        } finally {
            locks.release(heldTokens.remove(runId));
        }
    }

    public List<RunInfo> listRuns() {
        return query("SELECT * FROM runs ORDER BY run_id");
    }

    public Optional<RunInfo> run(long runId) {
        List<RunInfo> r = query("SELECT * FROM runs WHERE run_id=" + runId);
        return r.isEmpty() ? Optional.empty() : Optional.of(r.getFirst());
    }

    private List<RunInfo> query(String sql) {
        List<RunInfo> out = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(new RunInfo(rs.getLong("run_id"), rs.getString("name"), rs.getString("mode"),
                        RunStatus.of(rs.getString("status")), rs.getString("created_at"), rs.getString("finished_at"),
                        rs.getLong("seed"), rs.getString("workload"), rs.getInt("replicas"), rs.getLong("bucket_ms"),
                        rs.getString("pipeline_json"), rs.getString("versions_json"), rs.getString("summary_json"),
                        rs.getString("error")));
            }
        } catch (SQLException e) {
            throw new ServeLabException(file + ": cannot read runs: " + StoreErrors.describe(e), e);
        }
        return out;
    }

    /** Opens a new JDBC connection on the same file, for readers on other threads (e.g. the workbench). */
    public Connection newReadConnection() throws SQLException {
        return connect(file);
    }

    @Override
    public void close() {
        for (String token : heldTokens.values()) locks.release(token);
        heldTokens.clear();
        try {
            connection.close();
        } catch (SQLException e) {
            throw new ServeLabException(file + ": cannot close the run store: " + e.getMessage(), e);
        }
    }
}
