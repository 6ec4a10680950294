package dev.servelab.engine.store;


import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads and decodes a run's {@code iterations} chunks, one {@link IterationTable} per replica. */
final class IterationQuery {
    private IterationQuery() {
    }

    /** Every replica that recorded an iteration, {@code 0 .. max}. */
    static List<IterationTable> readAll(Connection c, long runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(replica) + 1, 0) FROM iterations WHERE run_id=?")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                return read(c, runId, rs.next() ? rs.getInt(1) : 0);
            }
        }
    }

    static List<IterationTable> read(Connection c, long runId, int replicas) throws SQLException {
        List<List<IterationDecoder>> chunks = new ArrayList<>();
        for (int r = 0; r < replicas; r++) chunks.add(new ArrayList<>());
        String sql = "SELECT replica, first_start_ns, count, data FROM iterations WHERE run_id=? ORDER BY replica, chunk";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int r = rs.getInt(1);
                    if (r >= 0 && r < replicas) chunks.get(r).add(IterationDecoder.decode(rs.getLong(2), rs.getInt(3), rs.getBytes(4)));
                }
            }
        }
        List<IterationTable> out = new ArrayList<>();
        for (int r = 0; r < replicas; r++) out.add(concat(r, chunks.get(r)));
        return out;
    }

    private static IterationTable concat(int replica, List<IterationDecoder> parts) {
        int n = parts.stream().mapToInt(p -> p.startNanos().length).sum();
        long[] start = new long[n], end = new long[n];
        int[] prefill = new int[n], decode = new int[n], batch = new int[n], kv = new int[n];
        int o = 0;
        for (IterationDecoder p : parts) {
            int k = p.startNanos().length;
            System.arraycopy(p.startNanos(), 0, start, o, k);
            System.arraycopy(p.endNanos(), 0, end, o, k);
            System.arraycopy(p.prefillTokens(), 0, prefill, o, k);
            System.arraycopy(p.decodeTokens(), 0, decode, o, k);
            System.arraycopy(p.batchSize(), 0, batch, o, k);
            System.arraycopy(p.kvUsedBlocks(), 0, kv, o, k);
            o += k;
        }
        return new IterationTable(replica, start, end, prefill, decode, batch, kv);
    }
}
