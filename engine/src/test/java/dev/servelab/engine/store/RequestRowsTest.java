package dev.servelab.engine.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The batched writer (literals for plain rows) stores exactly what one bound statement per row stores. */
class RequestRowsTest {
    @TempDir
    Path dir;

    @Test
    void storesTheSameRowsAsOneStatementPerRow() throws SQLException {
        RequestRows rows = new RequestRows();
        List<Object[]> expected = new ArrayList<>();
        SplittableRandom r = new SplittableRandom(3);
        // plain runs shorter and longer than a statement's 64 rows, between rows that are not plain
        int[] plainRuns = {0, 63, 64, 65, 1, 200, 0, 128, 7};
        long id = 0;
        for (int run : plainRuns) {
            for (int k = 0; k < run; k++) add(rows, expected, id++, r, "completed", null, null, null);
            add(rows, expected, id++, r, r.nextBoolean() ? "rejected" : "failed", "queue full", null, null);
            add(rows, expected, id++, r, "completed", null, "tenant-" + r.nextInt(3), r.nextBoolean() ? "gold" : null);
        }
        try (Connection batched = open("batched.db"); Connection single = open("single.db")) {
            batched.setAutoCommit(false);
            rows.write(batched, 42);
            batched.commit();
            try (PreparedStatement ps = single.prepareStatement("INSERT INTO requests VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                for (Object[] row : expected) {
                    for (int c = 0; c < row.length; c++) ps.setObject(c + 1, row[c]);
                    ps.executeUpdate();
                }
            }
            assertEquals(dump(single), dump(batched));
            assertEquals(expected.size(), dump(batched).size());
        }
    }

    private static void add(RequestRows rows, List<Object[]> expected, long id, SplittableRandom r, String status,
                            String reason, String tenant, String slo) {
        long arrival = r.nextLong(1, 1L << 40);
        long scheduled = r.nextInt(10) == 0 ? -1 : arrival + r.nextInt(1_000_000);
        long first = scheduled < 0 ? -1 : scheduled + r.nextInt(1_000_000);
        long finish = first < 0 ? -1 : first + r.nextInt(100_000_000);
        int prompt = r.nextInt(1, 20_000);
        int output = r.nextInt(1, 2_000);
        int cached = r.nextInt(prompt);
        int preempted = r.nextInt(3);
        int replica = r.nextInt(16);
        rows.add(id, replica, arrival, scheduled, first, finish, prompt, output, cached, preempted, status, reason, tenant, slo);
        expected.add(new Object[]{42L, id, replica, arrival, scheduled < 0 ? null : scheduled, first < 0 ? null : first,
                finish < 0 ? null : finish, prompt, output, cached, preempted, status, reason, tenant, slo});
    }

    private Connection open(String name) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(name));
        try (Statement s = c.createStatement()) {
            for (String ddl : Schema.DDL) s.execute(ddl);
        }
        return c;
    }

    /** Every stored row in rowid order, each value with its SQLite storage class. */
    private static List<String> dump(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT rowid, * FROM requests ORDER BY rowid")) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    Object v = rs.getObject(i);
                    sb.append(v == null ? "NULL" : v.getClass().getSimpleName() + ":" + v).append('|');
                }
                out.add(sb.toString());
            }
        }
        return out;
    }
}
