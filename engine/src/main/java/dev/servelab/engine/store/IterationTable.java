package dev.servelab.engine.store;

/** One replica's iterations in time order: start/end ns and batch composition. */
public record IterationTable(int replica, long[] start, long[] end, int[] prefill, int[] decode, int[] batch) {
    public int size() {
        return start.length;
    }
}
