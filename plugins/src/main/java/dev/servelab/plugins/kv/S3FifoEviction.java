package dev.servelab.plugins.kv;

import dev.servelab.engine.spi.EvictionPolicy;
import dev.servelab.engine.spi.Plugin;
import dev.servelab.engine.spi.Setting;

import java.util.ArrayDeque;
import java.util.LinkedHashSet;

/**
 * S3-FIFO: a small FIFO queue ({@code small_fraction} of the tracked blocks) filters one-hit
 * wonders, a main FIFO queue with a 2-bit hit counter keeps the rest. A block enters the small
 * queue when it first becomes a candidate; at the small queue's head a block that was hit (or is in
 * use) moves to main, an unhit candidate is evicted; at main's head a hit candidate loses one count
 * and goes round again, an unhit one is evicted, a block in use goes round. Scan-resistant: a burst
 * of once-used prefixes passes through the small queue without displacing the reused ones.
 *
 * <p>A ghost queue remembers the prefix keys of blocks evicted from the small queue (as many as the
 * main queue's share of the capacity); a block whose content comes back while remembered enters the
 * main queue directly.
 *
 * <p>Source: Yang et al., "FIFO queues are all you need for cache eviction", SOSP 2023.
 */
@Plugin(id = "kv.s3-fifo", summary = "Small + main FIFO queues with hit counters (scan-resistant)",
        source = "S3-FIFO (Yang et al., SOSP'23)")
public final class S3FifoEviction implements EvictionPolicy {
    public record Settings(@Setting(summary = "share of the capacity for the small queue", min = 0.01, max = 0.9) double smallFraction) {
        public Settings() {
            this(0.1);
        }
    }

    private static final int MAX_FREQ = 3;
    private final double smallFraction;
    private final ArrayDeque<Integer> small = new ArrayDeque<>();
    private final ArrayDeque<Integer> main = new ArrayDeque<>();
    private int[] freq = new int[0];
    private boolean[] tracked = new boolean[0];
    private boolean[] candidate = new boolean[0];
    private boolean[] inSmall = new boolean[0];
    private int candidatesInSmall;
    private int candidates;
    private double smallTarget;
    private long[] keyOf = new long[0];
    private final LinkedHashSet<Long> ghost = new LinkedHashSet<>();
    private int ghostLimit;

    public S3FifoEviction() {
        this(new Settings());
    }

    public S3FifoEviction(Settings settings) {
        this.smallFraction = settings.smallFraction();
    }

    @Override
    public void init(int capacityBlocks) {
        freq = new int[capacityBlocks];
        tracked = new boolean[capacityBlocks];
        candidate = new boolean[capacityBlocks];
        inSmall = new boolean[capacityBlocks];
        small.clear();
        main.clear();
        candidates = candidatesInSmall = 0;
        smallTarget = Math.max(1, smallFraction * capacityBlocks);
        keyOf = new long[capacityBlocks];
        ghost.clear();
        ghostLimit = Math.max(1, (int) (capacityBlocks - smallTarget));
    }

    @Override
    public void onPublished(int block, long key) {
        keyOf[block] = key;
    }

    @Override
    public void onCandidate(int block, long nowNanos) {
        if (!tracked[block]) {
            tracked[block] = true;
            freq[block] = 0;
            boolean remembered = ghost.remove(keyOf[block]);
            inSmall[block] = !remembered;
            (remembered ? main : small).addLast(block);
        }
        setCandidate(block, true);
    }

    @Override
    public void onReused(int block, long nowNanos) {
        setCandidate(block, false);
    }

    @Override
    public void onHit(int block, long nowNanos) {
        if (freq[block] < MAX_FREQ) freq[block]++;
    }

    @Override
    public int evict() {
        while (candidates > 0) {
            boolean fromSmall = candidatesInSmall > 0
                    && (small.size() >= smallTarget || candidates == candidatesInSmall);
            int b = fromSmall ? evictFromSmall() : evictFromMain();
            if (b >= 0) return b;
        }
        return -1;
    }

    private int evictFromSmall() {
        int b = small.pollFirst();
        if (candidate[b] && freq[b] == 0) {
            remember(keyOf[b]);
            return drop(b);
        }
        if (candidate[b]) candidatesInSmall--;
        inSmall[b] = false;
        main.addLast(b);
        return -1;
    }

    private int evictFromMain() {
        int b = main.pollFirst();
        if (candidate[b] && freq[b] == 0) return drop(b);
        if (candidate[b]) freq[b]--;
        main.addLast(b);
        return -1;
    }

    private void remember(long key) {
        ghost.remove(key);
        ghost.add(key);
        while (ghost.size() > ghostLimit) ghost.removeFirst();
    }

    private int drop(int b) {
        setCandidate(b, false);
        tracked[b] = false;
        inSmall[b] = false;
        return b;
    }

    private void setCandidate(int b, boolean c) {
        if (candidate[b] == c) return;
        candidate[b] = c;
        int d = c ? 1 : -1;
        candidates += d;
        if (inSmall[b]) candidatesInSmall += d;
    }

    @Override
    public int size() {
        return candidates;
    }
}
