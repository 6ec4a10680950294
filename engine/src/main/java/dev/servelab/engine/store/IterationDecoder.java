package dev.servelab.engine.store;

/** Reads back one {@code iterations} row: arrays of start, end and batch composition per iteration. */
public record IterationDecoder(long[] startNanos, long[] endNanos, int[] prefillTokens, int[] decodeTokens,
                               int[] batchSize, int[] kvUsedBlocks) {

    public static IterationDecoder decode(long firstStartNanos, int count, byte[] data) {
        long[] v = VarintCodec.decode(data, count * IterationLog.FIELDS);
        long[] start = new long[count];
        long[] end = new long[count];
        int[] prefill = new int[count];
        int[] decode = new int[count];
        int[] batch = new int[count];
        int[] kv = new int[count];
        long prevEnd = firstStartNanos;
        for (int i = 0; i < count; i++) {
            int o = i * IterationLog.FIELDS;
            start[i] = prevEnd + v[o];
            end[i] = start[i] + v[o + 1];
            prefill[i] = (int) v[o + 2];
            decode[i] = (int) v[o + 3];
            batch[i] = (int) v[o + 4];
            kv[i] = (int) v[o + 5];
            prevEnd = end[i];
        }
        return new IterationDecoder(start, end, prefill, decode, batch, kv);
    }
}
