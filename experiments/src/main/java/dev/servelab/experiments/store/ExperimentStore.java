package dev.servelab.experiments.store;

import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.store.RunStore;
import dev.servelab.experiments.point.PointStatus;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The experiment tables in a run store's file, on a connection of their own. An experiment is found
 * again by its sweep's content hash, so running the same sweep resumes it: its completed and
 * infeasible points are kept, the others run again.
 */
public final class ExperimentStore implements AutoCloseable {
    private static final String[] DDL = {
        """
        CREATE TABLE IF NOT EXISTS experiments (
          experiment_id INTEGER PRIMARY KEY AUTOINCREMENT,
          name TEXT NOT NULL,
          sweep_file TEXT NOT NULL,
          sweep_hash TEXT NOT NULL,
          status TEXT NOT NULL,
          created_at TEXT NOT NULL,
          finished_at TEXT,
          sweep_json TEXT NOT NULL,
          points_planned INTEGER NOT NULL,
          engine TEXT NOT NULL)""",
        "CREATE INDEX IF NOT EXISTS experiments_by_hash ON experiments(sweep_hash)",
        """
        CREATE TABLE IF NOT EXISTS experiment_points (
          experiment_id INTEGER NOT NULL,
          point_id INTEGER NOT NULL,
          point_key TEXT NOT NULL,
          run_id INTEGER,
          status TEXT NOT NULL,
          reason TEXT,
          params_json TEXT NOT NULL,
          metrics_json TEXT,
          feasible INTEGER NOT NULL,
          tried_json TEXT,
          PRIMARY KEY (experiment_id, point_id))""",
    };

    private final RunStore runs;
    private final Connection c;

    private ExperimentStore(RunStore runs, Connection c) {
        this.runs = runs;
        this.c = c;
    }

    /** The experiment tables of {@code runs}' file (created when missing). */
    public static ExperimentStore open(RunStore runs) {
        try {
            Connection c = runs.newReadConnection();
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout=10000");
                for (String ddl : DDL) s.execute(ddl);
            }
            return new ExperimentStore(runs, c);
        } catch (SQLException e) {
            throw fail("cannot open the experiment tables", e);
        }
    }

    public RunStore runs() {
        return runs;
    }

    private ServeLabException failure(String what, SQLException e) {
        return fail(what, e);
    }

    private static ServeLabException fail(String what, SQLException e) {
        return new ServeLabException("run store: " + what + ": " + e.getMessage(), e);
    }

    /** The newest experiment of this sweep content, if any. */
    public Optional<ExperimentInfo> findByHash(String hash) {
        List<ExperimentInfo> r = experiments("SELECT * FROM experiments WHERE sweep_hash=? ORDER BY experiment_id DESC LIMIT 1", hash);
        return r.isEmpty() ? Optional.empty() : Optional.of(r.getFirst());
    }

    public Optional<ExperimentInfo> experiment(long id) {
        List<ExperimentInfo> r = experiments("SELECT * FROM experiments WHERE experiment_id=?", id);
        return r.isEmpty() ? Optional.empty() : Optional.of(r.getFirst());
    }

    public List<ExperimentInfo> list() {
        return experiments("SELECT * FROM experiments ORDER BY experiment_id");
    }

    public long create(String name, String sweepFile, String hash, String sweepJson, int planned, String engine) {
        String sql = "INSERT INTO experiments(name, sweep_file, sweep_hash, status, created_at, sweep_json, points_planned, engine)"
                + " VALUES (?,?,?,?,?,?,?,?)";
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, name);
            ps.setString(2, sweepFile);
            ps.setString(3, hash);
            ps.setString(4, ExperimentStatus.RUNNING.dbValue());
            ps.setString(5, Instant.now().toString());
            ps.setString(6, sweepJson);
            ps.setInt(7, planned);
            ps.setString(8, engine);
            ps.executeUpdate();
            try (ResultSet k = ps.getGeneratedKeys()) {
                k.next();
                return k.getLong(1);
            }
        } catch (SQLException e) {
            throw failure("cannot record the experiment", e);
        }
    }

    public void mark(long id, ExperimentStatus status) {
        try (PreparedStatement ps = c.prepareStatement("UPDATE experiments SET status=?, finished_at=? WHERE experiment_id=?")) {
            ps.setString(1, status.dbValue());
            ps.setString(2, status == ExperimentStatus.RUNNING ? null : Instant.now().toString());
            ps.setLong(3, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure("cannot mark experiment " + id, e);
        }
    }

    /** Stores (or replaces) a point. */
    public void put(StoredPoint p) {
        String sql = "INSERT OR REPLACE INTO experiment_points(experiment_id, point_id, point_key, run_id, status, reason,"
                + " params_json, metrics_json, feasible, tried_json) VALUES (?,?,?,?,?,?,?,?,?,?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, p.experimentId());
            ps.setInt(2, p.pointId());
            ps.setString(3, p.key());
            if (p.runId() >= 0) ps.setLong(4, p.runId());
            else ps.setNull(4, java.sql.Types.INTEGER);
            ps.setString(5, p.status().dbValue());
            ps.setString(6, p.reason());
            ps.setString(7, p.paramsJson());
            ps.setString(8, p.metricsJson());
            ps.setInt(9, p.feasible() ? 1 : 0);
            ps.setString(10, p.triedJson());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure("cannot store point " + p.pointId() + " of experiment " + p.experimentId(), e);
        }
    }

    public List<StoredPoint> points(long experimentId) {
        List<StoredPoint> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM experiment_points WHERE experiment_id=? ORDER BY point_id")) {
            ps.setLong(1, experimentId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long run = rs.getLong("run_id");
                    if (rs.wasNull()) run = -1;
                    out.add(new StoredPoint(experimentId, rs.getInt("point_id"), rs.getString("point_key"), run,
                            PointStatus.of(rs.getString("status")), rs.getString("reason"), rs.getString("params_json"),
                            rs.getString("metrics_json"), rs.getInt("feasible") == 1, rs.getString("tried_json")));
                }
            }
        } catch (SQLException e) {
            throw failure("cannot read the points of experiment " + experimentId, e);
        }
        return out;
    }

    private List<ExperimentInfo> experiments(String sql, Object... args) {
        List<ExperimentInfo> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ExperimentInfo(rs.getLong("experiment_id"), rs.getString("name"), rs.getString("sweep_file"),
                            rs.getString("sweep_hash"), ExperimentStatus.of(rs.getString("status")), rs.getString("created_at"),
                            rs.getString("finished_at"), rs.getString("sweep_json"), rs.getInt("points_planned"), rs.getString("engine")));
                }
            }
        } catch (SQLException e) {
            throw failure("cannot read experiments", e);
        }
        return out;
    }

    @Override
    public void close() {
        try {
            c.close();
        } catch (SQLException e) {
            throw failure("cannot close", e);
        }
    }
}
