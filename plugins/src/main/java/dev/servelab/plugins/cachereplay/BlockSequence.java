package dev.servelab.plugins.cachereplay;

import java.util.ArrayList;
import java.util.List;

/**
 * What a replay needs of a trace: each request's chained prefix-block hashes (one per cache block,
 * as Mooncake's {@code hash_ids}) and its arrival time, in file order. Read once and replayed once
 * per policy and capacity.
 */
public final class BlockSequence {
    private final List<long[]> chains = new ArrayList<>();
    private final List<Long> arrivals = new ArrayList<>();
    private long totalBlocks;

    /** Appends a request; {@code chain} is kept, not copied. */
    public void add(long arrivalNanos, long[] chain) {
        chains.add(chain);
        arrivals.add(arrivalNanos);
        totalBlocks += chain.length;
    }

    /** A sequence of requests one nanosecond apart (for tests and hand-built examples). */
    public static BlockSequence of(long[]... chains) {
        BlockSequence s = new BlockSequence();
        for (long[] c : chains) s.add(s.size(), c);
        return s;
    }

    public int size() {
        return chains.size();
    }

    public long[] chain(int request) {
        return chains.get(request);
    }

    public long arrivalNanos(int request) {
        return arrivals.get(request);
    }

    /** The sum of the chain lengths: every block lookup the replay makes. */
    public long totalBlocks() {
        return totalBlocks;
    }
}
