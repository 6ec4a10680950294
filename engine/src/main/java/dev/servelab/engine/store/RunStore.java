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
 * {@code running}, never looking complete.
 */
public final class RunStore implements AutoCloseable {
    private final Path file;
    private final Connection connection;

    private RunStore(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    public static RunStore open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("PRAGMA busy_timeout=5000");
                for (String ddl : Schema.DDL) s.execute(ddl);
            }
            return new RunStore(file, c);
        } catch (SQLException | java.io.IOException e) {
            throw new ServeLabException(file + ": cannot open the run store: " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    Connection connection() {
        return connection;
    }

    public long beginRun(NewRun run) {
        String sql = "INSERT INTO runs(name, mode, status, created_at, seed, workload, replicas, bucket_ms, pipeline_json, versions_json)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?)";
        try (PreparedStatement ps = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, run.name());
            ps.setString(2, run.mode());
            ps.setString(3, RunStatus.RUNNING.dbValue());
            ps.setString(4, Instant.now().toString());
            ps.setLong(5, run.seed());
            ps.setString(6, run.workload());
            ps.setInt(7, run.replicas());
            ps.setLong(8, run.bucketMs());
            ps.setString(9, run.pipelineJson());
            ps.setString(10, run.versionsJson());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new ServeLabException(file + ": cannot record the run: " + e.getMessage(), e);
        }
    }

    /** Marks a run's end; a completed run also gets its summary. */
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
            throw new ServeLabException(file + ": cannot mark run " + runId + " " + status.dbValue() + ": " + e.getMessage(), e);
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
            throw new ServeLabException(file + ": cannot read runs: " + e.getMessage(), e);
        }
        return out;
    }

    /** Opens a new JDBC connection on the same file, for readers on other threads (e.g. the workbench). */
    public Connection newReadConnection() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
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
