package dev.servelab.engine.store;

/**
 * Per-token timestamps of the sampled requests, sorted by arrival: request {@code r}'s tokens are
 * {@code times[start[r] .. start[r+1])} (absolute ns), its preemptions likewise in {@code preempted}.
 */
public record TokenTable(long[] requestId, int[] replica, long[] arrival, long[] firstScheduled, int[] start,
                         long[] times, int[] preemptStart, long[] preempted) {
    public int rows() {
        return requestId.length;
    }

    public int tokens(int r) {
        return start[r + 1] - start[r];
    }

    public long lastToken(int r) {
        return tokens(r) == 0 ? firstScheduled[r] : times[start[r + 1] - 1];
    }

    public long totalTokens() {
        return times.length;
    }
}
