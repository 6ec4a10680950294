package dev.servelab.engine.store;

import dev.servelab.engine.ServeLabException;

import java.io.IOException;
import java.io.Writer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;

/**
 * CSV export of a run's rows. {@code tokens} expands the compact per-token encoding into one row per
 * token ({@code request_id, token_index, time_ns}); {@code iterations} expands the iteration log into
 * one row per iteration (times, duration and batch composition).
 */
public final class RunExport {
    private RunExport() {
    }

    public static void csv(RunStore store, long runId, String what, Writer out) throws IOException {
        String sql = switch (what) {
            case "requests" -> "SELECT * FROM requests WHERE run_id=? ORDER BY request_id";
            case "buckets" -> "SELECT * FROM replica_buckets WHERE run_id=? ORDER BY replica, bucket";
            case "summary" -> "SELECT run_id, name, mode, status, summary_json FROM runs WHERE run_id=?";
            case "tokens" -> "SELECT request_id, arrival_ns, tokens, gaps FROM token_times WHERE run_id=? ORDER BY request_id";
            case "iterations" -> "SELECT replica, first_start_ns, count, data FROM iterations WHERE run_id=? ORDER BY replica, chunk";
            default -> throw new ServeLabException("--what " + what
                    + ": expected requests, tokens, iterations, buckets or summary");
        };
        try (PreparedStatement ps = store.connection().prepareStatement(sql)) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                switch (what) {
                    case "tokens" -> tokens(rs, out);
                    case "iterations" -> iterations(rs, out);
                    default -> table(rs, out);
                }
            }
        } catch (SQLException e) {
            throw new ServeLabException(store.file() + ": export failed: " + e.getMessage(), e);
        }
    }

    private static void table(ResultSet rs, Writer out) throws SQLException, IOException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        for (int i = 1; i <= n; i++) out.write((i > 1 ? "," : "") + md.getColumnName(i));
        out.write("\n");
        while (rs.next()) {
            for (int i = 1; i <= n; i++) {
                Object v = rs.getObject(i);
                out.write((i > 1 ? "," : "") + (v == null ? "" : quote(v.toString())));
            }
            out.write("\n");
        }
    }

    private static void tokens(ResultSet rs, Writer out) throws SQLException, IOException {
        out.write("request_id,token_index,time_ns\n");
        while (rs.next()) {
            long id = rs.getLong(1);
            long t = rs.getLong(2);
            long[] gaps = VarintCodec.decode(rs.getBytes(4), rs.getInt(3));
            for (int i = 0; i < gaps.length; i++) {
                t += gaps[i];
                out.write(id + "," + i + "," + t + "\n");
            }
        }
    }

    private static void iterations(ResultSet rs, Writer out) throws SQLException, IOException {
        out.write("replica,start_ns,end_ns,duration_ns,prefill_tokens,decode_tokens,batch_size,kv_used_blocks\n");
        while (rs.next()) {
            int replica = rs.getInt(1);
            IterationDecoder d = IterationDecoder.decode(rs.getLong(2), rs.getInt(3), rs.getBytes(4));
            for (int i = 0; i < d.startNanos().length; i++) {
                out.write(replica + "," + d.startNanos()[i] + "," + d.endNanos()[i] + ","
                        + (d.endNanos()[i] - d.startNanos()[i]) + "," + d.prefillTokens()[i] + "," + d.decodeTokens()[i]
                        + "," + d.batchSize()[i] + "," + d.kvUsedBlocks()[i] + "\n");
            }
        }
    }

    private static String quote(String s) {
        return s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
