package dev.servelab.safety.ab;

import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.store.RunStore;

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
 * Comparisons in the run store's SQLite file, in this module's own tables (the engine's schema is left
 * alone): {@code comparisons} (one row per {@code servelab ab}: the two pipelines, the rounds, the
 * result JSON, the gate outcome) and {@code comparison_runs} (per round and arm, the run it stored).
 * A comparison is written once all its runs completed, in one transaction, so a comparison that
 * stopped on bad input or a failed run leaves no row.
 */
public final class ComparisonStore {
    static final List<String> DDL = List.of(
            """
            CREATE TABLE IF NOT EXISTS comparisons (
              comparison_id INTEGER PRIMARY KEY AUTOINCREMENT,
              created_at TEXT NOT NULL,
              baseline_file TEXT NOT NULL,
              candidate_file TEXT NOT NULL,
              baseline_name TEXT NOT NULL,
              candidate_name TEXT NOT NULL,
              rounds INTEGER NOT NULL,
              gate_passed INTEGER,
              result_json TEXT)""",
            """
            CREATE TABLE IF NOT EXISTS comparison_runs (
              comparison_id INTEGER NOT NULL REFERENCES comparisons(comparison_id),
              round INTEGER NOT NULL,
              arm TEXT NOT NULL CHECK (arm IN ('baseline', 'candidate')),
              run_id INTEGER NOT NULL REFERENCES runs(run_id),
              seed INTEGER NOT NULL,
              workload TEXT,
              PRIMARY KEY (comparison_id, round, arm))""");

    /** A stored comparison's row. */
    public record Row(long comparisonId, String createdAt, String baselineName, String candidateName, int rounds,
                      Boolean gatePassed, String resultJson) {
    }

    /** A run of a stored comparison. */
    public record RunLink(int round, String arm, long runId, long seed, String workload) {
    }

    private final RunStore store;

    public ComparisonStore(RunStore store) {
        this.store = store;
    }

    private Connection open() throws SQLException {
        Connection c = store.newReadConnection();
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout=5000");
            for (String ddl : DDL) s.execute(ddl);
        }
        return c;
    }

    /** Stores the comparison with links to its runs; returns its id. {@code resultJson} is written by {@link #finish}. */
    public long insert(String baselineFile, String candidateFile, String baselineName, String candidateName,
                       List<AbRound> rounds) {
        try (Connection c = open()) {
            c.setAutoCommit(false);
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO comparisons(created_at, baseline_file, candidate_file,"
                    + " baseline_name, candidate_name, rounds) VALUES (?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, Instant.now().toString());
                ps.setString(2, baselineFile);
                ps.setString(3, candidateFile);
                ps.setString(4, baselineName);
                ps.setString(5, candidateName);
                ps.setInt(6, rounds.size());
                ps.executeUpdate();
                try (ResultSet k = ps.getGeneratedKeys()) {
                    k.next();
                    id = k.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO comparison_runs(comparison_id, round, arm, run_id, seed, workload) VALUES (?,?,?,?,?,?)")) {
                for (AbRound r : rounds) {
                    link(ps, id, r, "baseline", r.baseline().runId());
                    link(ps, id, r, "candidate", r.candidate().runId());
                }
                ps.executeBatch();
            }
            c.commit();
            return id;
        } catch (SQLException e) {
            throw new ServeLabException(store.file() + ": cannot record the comparison: " + e.getMessage(), e);
        }
    }

    private static void link(PreparedStatement ps, long id, AbRound r, String arm, long runId) throws SQLException {
        ps.setLong(1, id);
        ps.setInt(2, r.index());
        ps.setString(3, arm);
        ps.setLong(4, runId);
        ps.setLong(5, r.seed());
        ps.setString(6, r.workload());
        ps.addBatch();
    }

    /** Writes the comparison's result document and gate outcome (null: no gate). */
    public void finish(long comparisonId, String resultJson, Boolean gatePassed) {
        try (Connection c = open();
             PreparedStatement ps = c.prepareStatement("UPDATE comparisons SET result_json=?, gate_passed=? WHERE comparison_id=?")) {
            ps.setString(1, resultJson);
            if (gatePassed == null) ps.setNull(2, java.sql.Types.INTEGER);
            else ps.setInt(2, gatePassed ? 1 : 0);
            ps.setLong(3, comparisonId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new ServeLabException(store.file() + ": cannot record the comparison: " + e.getMessage(), e);
        }
    }

    public List<Row> list() {
        List<Row> out = new ArrayList<>();
        try (Connection c = open(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM comparisons ORDER BY comparison_id")) {
            while (rs.next()) {
                int gate = rs.getInt("gate_passed");
                Boolean passed = rs.wasNull() ? null : gate == 1;
                out.add(new Row(rs.getLong("comparison_id"), rs.getString("created_at"), rs.getString("baseline_name"),
                        rs.getString("candidate_name"), rs.getInt("rounds"), passed, rs.getString("result_json")));
            }
        } catch (SQLException e) {
            throw new ServeLabException(store.file() + ": cannot read comparisons: " + e.getMessage(), e);
        }
        return out;
    }

    public Optional<Row> get(long comparisonId) {
        return list().stream().filter(r -> r.comparisonId() == comparisonId).findFirst();
    }

    public List<RunLink> runs(long comparisonId) {
        List<RunLink> out = new ArrayList<>();
        try (Connection c = open(); PreparedStatement ps = c.prepareStatement(
                "SELECT round, arm, run_id, seed, workload FROM comparison_runs WHERE comparison_id=? ORDER BY round, arm")) {
            ps.setLong(1, comparisonId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new RunLink(rs.getInt(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getString(5)));
                }
            }
        } catch (SQLException e) {
            throw new ServeLabException(store.file() + ": cannot read comparison " + comparisonId + ": " + e.getMessage(), e);
        }
        return out;
    }
}
