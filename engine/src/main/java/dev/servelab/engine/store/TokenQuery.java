package dev.servelab.engine.store;


import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

/** Reads and decodes a run's {@code token_times} (varint gaps from arrival) into a {@link TokenTable}. */
final class TokenQuery {
    private TokenQuery() {
    }

    static TokenTable read(Connection c, long runId) throws SQLException {
        Grow g = new Grow();
        String sql = "SELECT request_id, replica, arrival_ns, first_scheduled_ns, tokens, gaps, preempted_at"
                + " FROM token_times WHERE run_id=? ORDER BY arrival_ns, request_id";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) g.add(rs);
            }
        }
        return g.table();
    }

    /** Growable column buffers. */
    private static final class Grow {
        long[] id = new long[1024], arrival = new long[1024], sched = new long[1024];
        int[] replica = new int[1024], start = new int[1025], pstart = new int[1025];
        long[] times = new long[1 << 16], pre = new long[64];
        int rows, nt, np;

        void add(ResultSet rs) throws SQLException {
            if (rows + 1 >= id.length) grow();
            id[rows] = rs.getLong(1);
            replica[rows] = rs.getInt(2);
            long a = rs.getLong(3);
            arrival[rows] = a;
            sched[rows] = rs.getLong(4);
            int count = rs.getInt(5);
            long[] gaps = VarintCodec.decode(rs.getBytes(6), count);
            if (nt + gaps.length > times.length) times = Arrays.copyOf(times, Math.max(times.length * 2, nt + gaps.length));
            long t = a;
            for (long gap : gaps) {
                t += gap;
                times[nt++] = t;
            }
            byte[] p = rs.getBytes(7);
            if (p != null) {
                long[] pt = VarintCodec.decode(p, -1);
                if (np + pt.length > pre.length) pre = Arrays.copyOf(pre, Math.max(pre.length * 2, np + pt.length));
                System.arraycopy(pt, 0, pre, np, pt.length);
                np += pt.length;
            }
            rows++;
            start[rows] = nt;
            pstart[rows] = np;
        }

        void grow() {
            int n = id.length * 2;
            id = Arrays.copyOf(id, n);
            arrival = Arrays.copyOf(arrival, n);
            sched = Arrays.copyOf(sched, n);
            replica = Arrays.copyOf(replica, n);
            start = Arrays.copyOf(start, n + 1);
            pstart = Arrays.copyOf(pstart, n + 1);
        }

        TokenTable table() {
            return new TokenTable(Arrays.copyOf(id, rows), Arrays.copyOf(replica, rows), Arrays.copyOf(arrival, rows),
                    Arrays.copyOf(sched, rows), Arrays.copyOf(start, rows + 1), Arrays.copyOf(times, nt),
                    Arrays.copyOf(pstart, rows + 1), Arrays.copyOf(pre, np));
        }
    }
}
