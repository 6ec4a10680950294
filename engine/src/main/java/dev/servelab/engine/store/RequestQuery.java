package dev.servelab.engine.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads a run's {@code requests} rows into a {@link RequestTable}. */
final class RequestQuery {
    private RequestQuery() {
    }

    static RequestTable read(Connection c, long runId) throws SQLException {
        int n = count(c, runId);
        long[] id = new long[n], arrival = new long[n], sched = new long[n], first = new long[n], finish = new long[n];
        int[] replica = new int[n], prompt = new int[n], output = new int[n], cached = new int[n], pre = new int[n];
        String sql = "SELECT request_id, replica, arrival_ns, first_scheduled_ns, first_token_ns, finish_ns, prompt_tokens,"
                + " output_tokens, cached_tokens, preemptions FROM requests WHERE run_id=? ORDER BY request_id";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                int i = 0;
                while (rs.next() && i < n) {
                    id[i] = rs.getLong(1);
                    replica[i] = rs.getInt(2);
                    arrival[i] = rs.getLong(3);
                    sched[i] = nullable(rs, 4);
                    first[i] = nullable(rs, 5);
                    finish[i] = nullable(rs, 6);
                    prompt[i] = rs.getInt(7);
                    output[i] = rs.getInt(8);
                    cached[i] = rs.getInt(9);
                    pre[i] = rs.getInt(10);
                    i++;
                }
            }
        }
        int[] cpu = new int[n], disk = new int[n];
        if (TierTables.present(c, "request_cache_tiers")) {
            java.util.Map<Long, Integer> index = new java.util.HashMap<>();
            for (int i = 0; i < n; i++) index.putIfAbsent(id[i], i);
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT request_id, cached_tokens_cpu, cached_tokens_disk FROM request_cache_tiers WHERE run_id=?")) {
                ps.setLong(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Integer i = index.get(rs.getLong(1));
                        if (i == null) continue;
                        cpu[i] = rs.getInt(2);
                        disk[i] = rs.getInt(3);
                    }
                }
            }
        }
        return new RequestTable(id, replica, arrival, sched, first, finish, prompt, output, cached, pre, cpu, disk);
    }

    private static long nullable(ResultSet rs, int col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? -1 : v;
    }

    static int count(Connection c, long runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM requests WHERE run_id=?")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }
}
