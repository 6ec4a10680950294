package dev.servelab.engine.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/** A columnar buffer of {@code requests} rows, filled by the simulation thread and written by the store writer. */
final class RequestRows {
    static final int CAPACITY = 16_384;
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

    void write(Connection c, long runId) throws SQLException {
        MultiRowInsert.insert(c, "requests", 15, size, (ps, p, i) -> {
            ps.setLong(p, runId);
            ps.setLong(p + 1, requestId[i]);
            ps.setInt(p + 2, replica[i]);
            ps.setLong(p + 3, arrival[i]);
            setNullable(ps, p + 4, scheduled[i]);
            setNullable(ps, p + 5, firstToken[i]);
            setNullable(ps, p + 6, finish[i]);
            ps.setInt(p + 7, prompt[i]);
            ps.setInt(p + 8, output[i]);
            ps.setInt(p + 9, cached[i]);
            ps.setInt(p + 10, preemptions[i]);
            ps.setString(p + 11, status[i]);
            ps.setString(p + 12, reason[i]);
            ps.setString(p + 13, tenant[i]);
            ps.setString(p + 14, sloClass[i]);
        });
    }

    private static void setNullable(PreparedStatement ps, int i, long v) throws SQLException {
        if (v < 0) ps.setNull(i, Types.INTEGER);
        else ps.setLong(i, v);
    }
}
