package dev.servelab.engine.store;

/** One replica's iterations in time order: start/end ns, batch composition and the KV blocks in use at each end. */
public record IterationTable(int replica, long[] start, long[] end, int[] prefill, int[] decode, int[] batch,
                             int[] kvUsedBlocks) {
    public int size() {
        return start.length;
    }
}
