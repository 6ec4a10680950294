package dev.servelab.engine.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/** A columnar buffer of {@code requests} rows, filled by the simulation thread and written by the store writer. */
final class RequestRows {
    static final int CAPACITY = 16_384;
    private static final String COMPLETED = "completed";
    private final long[] requestId = new long[CAPACITY];
    private final int[] replica = new int[CAPACITY];
    private final long[] arrival = new long[CAPACITY];
    private final long[] scheduled = new long[CAPACITY];
    private final long[] firstToken = new long[CAPACITY];
    private final long[] finish = new long[CAPACITY];
    private final int[] prompt = new int[CAPACITY];
    private final int[] output = new int[CAPACITY];
    private final int[] cached = new int[CAPACITY];
    private final int[] preemptions = new int[CAPACITY];
    private final String[] status = new String[CAPACITY];
    private final String[] reason = new String[CAPACITY];
    private final String[] tenant = new String[CAPACITY];
    private final String[] sloClass = new String[CAPACITY];
    private int size;

    boolean isFull() {
        return size == CAPACITY;
    }

    int size() {
        return size;
    }

    void add(long id, int rep, long arrivalNs, long scheduledNs, long firstTokenNs, long finishNs, int promptTokens,
             int outputTokens, int cachedTokens, int preempted, String st, String why, String ten, String slo) {
        int i = size++;
        requestId[i] = id;
        replica[i] = rep;
        arrival[i] = arrivalNs;
        scheduled[i] = scheduledNs;
        firstToken[i] = firstTokenNs;
        finish[i] = finishNs;
        prompt[i] = promptTokens;
        output[i] = outputTokens;
        cached[i] = cachedTokens;
        preemptions[i] = preempted;
        status[i] = st;
        reason[i] = why;
        tenant[i] = ten;
        sloClass[i] = slo;
    }

    /**
     * Writes the rows in order. The run id is a literal; runs of at least {@link MultiRowInsert#ROWS_PER_STATEMENT}
     * plain rows (completed, no reason, tenant or SLO class: nearly every row of a simulation) also write
     * those four columns as literals, binding 10 values a row instead of 15 (writer CPU, docs/PERFORMANCE.md).
     */
    void write(Connection c, long runId) throws SQLException {
        String general = "(" + runId + ",?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
        String plain = "(" + runId + ",?,?,?,?,?,?,?,?,?,?,'" + COMPLETED + "',NULL,NULL,NULL)";
        int generalFrom = 0;
        int i = 0;
        while (i < size) {
            if (!isPlain(i)) {
                i++;
                continue;
            }
            int j = i;
            while (j < size && isPlain(j)) j++;
            if (j - i >= MultiRowInsert.ROWS_PER_STATEMENT) {
                if (i > generalFrom) MultiRowInsert.insert(c, "requests", general, 14, generalFrom, i, this::bindGeneral);
                MultiRowInsert.insert(c, "requests", plain, 10, i, j, this::bindNumbers);
                generalFrom = j;
            }
            i = j;
        }
        if (size > generalFrom) MultiRowInsert.insert(c, "requests", general, 14, generalFrom, size, this::bindGeneral);
    }

    private boolean isPlain(int i) {
        return COMPLETED.equals(status[i]) && reason[i] == null && tenant[i] == null && sloClass[i] == null;
    }

    private void bindNumbers(PreparedStatement ps, int p, int i) throws SQLException {
        ps.setLong(p, requestId[i]);
        ps.setInt(p + 1, replica[i]);
        ps.setLong(p + 2, arrival[i]);
        setNullable(ps, p + 3, scheduled[i]);
        setNullable(ps, p + 4, firstToken[i]);
        setNullable(ps, p + 5, finish[i]);
        ps.setInt(p + 6, prompt[i]);
        ps.setInt(p + 7, output[i]);
        ps.setInt(p + 8, cached[i]);
        ps.setInt(p + 9, preemptions[i]);
    }

    private void bindGeneral(PreparedStatement ps, int p, int i) throws SQLException {
        bindNumbers(ps, p, i);
        ps.setString(p + 10, status[i]);
        ps.setString(p + 11, reason[i]);
        ps.setString(p + 12, tenant[i]);
        ps.setString(p + 13, sloClass[i]);
    }

    private static void setNullable(PreparedStatement ps, int i, long v) throws SQLException {
        if (v < 0) ps.setNull(i, Types.INTEGER);
        else ps.setLong(i, v);
    }
}
