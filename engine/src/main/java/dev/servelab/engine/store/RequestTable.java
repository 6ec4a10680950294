package dev.servelab.engine.store;

/**
 * The {@code requests} rows of one run as parallel arrays (times in ns; -1 where the store has null),
 * in request-id order. {@code cachedCpu} and {@code cachedDisk}: the parts of {@code cached} loaded from the CPU and
 * disk tiers of tiered KV offload (zero without).
 */
public record RequestTable(long[] id, int[] replica, long[] arrival, long[] firstScheduled, long[] firstToken,
                           long[] finish, int[] prompt, int[] output, int[] cached, int[] preemptions, int[] cachedCpu,
                           int[] cachedDisk) {
    public int size() {
        return id.length;
    }

    public boolean completed(int i) {
        return finish[i] >= 0 && firstToken[i] >= 0;
    }

    public double ttftMs(int i) {
        return (firstToken[i] - arrival[i]) / 1e6;
    }

    public double e2elMs(int i) {
        return (finish[i] - arrival[i]) / 1e6;
    }

    /** Mean gap after the first token, or NaN for single-token outputs. */
    public double tpotMs(int i) {
        return output[i] > 1 ? (finish[i] - firstToken[i]) / 1e6 / (output[i] - 1) : Double.NaN;
    }
}
