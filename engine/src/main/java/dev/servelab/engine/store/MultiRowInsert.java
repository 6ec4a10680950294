package dev.servelab.engine.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Inserts many rows into one table with {@value #ROWS_PER_STATEMENT} rows per {@code INSERT ... VALUES
 * (...), (...)} statement: SQLite then runs its statement (reset, step, the JDBC driver's native calls)
 * once per 64 rows instead of once per row. Rows are inserted in order, so their rowids and contents are
 * the same as with one statement per row; the writer thread's CPU for a 1M-row {@code requests} table
 * fell by about a third (docs/PERFORMANCE.md).
 */
final class MultiRowInsert {
    static final int ROWS_PER_STATEMENT = 64;

    /** Binds row {@code row}'s columns at parameters {@code first .. first + columns - 1}. */
    @FunctionalInterface
    interface RowBinder {
        void bind(PreparedStatement ps, int first, int row) throws SQLException;
    }

    private MultiRowInsert() {
    }

    /** Inserts rows {@code 0 .. rows-1} into {@code table}, which has {@code columns} columns, all bound. */
    static void insert(Connection c, String table, int columns, int rows, RowBinder binder) throws SQLException {
        insert(c, table, "(?" + ",?".repeat(columns - 1) + ")", columns, 0, rows, binder);
    }

    /**
     * Inserts rows {@code from .. to-1} into {@code table}, each as {@code tuple}: the row's {@code VALUES}
     * tuple with {@code parameters} placeholders, literals in place of the columns that are the same on
     * every row (fewer values to bind, one native call each).
     */
    static void insert(Connection c, String table, String tuple, int parameters, int from, int to, RowBinder binder)
            throws SQLException {
        int rows = to - from;
        int full = rows / ROWS_PER_STATEMENT;
        if (full > 0) {
            try (PreparedStatement ps = c.prepareStatement(sql(table, tuple, ROWS_PER_STATEMENT))) {
                for (int s = 0; s < full; s++) {
                    bindRows(ps, parameters, from + s * ROWS_PER_STATEMENT, ROWS_PER_STATEMENT, binder);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        int rest = rows - full * ROWS_PER_STATEMENT;
        if (rest > 0) {
            try (PreparedStatement ps = c.prepareStatement(sql(table, tuple, rest))) {
                bindRows(ps, parameters, from + full * ROWS_PER_STATEMENT, rest, binder);
                ps.executeUpdate();
            }
        }
    }

    private static void bindRows(PreparedStatement ps, int parameters, int firstRow, int count, RowBinder binder)
            throws SQLException {
        for (int r = 0; r < count; r++) binder.bind(ps, 1 + r * parameters, firstRow + r);
    }

    private static String sql(String table, String tuple, int rows) {
        StringBuilder sb = new StringBuilder("INSERT INTO ").append(table).append(" VALUES ");
        for (int r = 0; r < rows; r++) sb.append(r == 0 ? "" : ",").append(tuple);
        return sb.toString();
    }
}
