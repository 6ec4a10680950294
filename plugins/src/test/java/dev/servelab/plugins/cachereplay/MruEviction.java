package dev.servelab.plugins.cachereplay;

import dev.servelab.engine.spi.EvictionPolicy;
import dev.servelab.engine.spi.Plugin;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * A third party's eviction plugin, as it would ship in its own jar: it uses only the engine's SPI
 * and is registered only in this module's test resources ({@code META-INF/services}), yet
 * {@code servelab cache-replay --policy kv.test-mru} replays it. Most recently used: evicts the
 * candidate released last (the opposite of {@code kv.lru}, so its hit ratio differs).
 */
@Plugin(id = "kv.test-mru", summary = "Test plugin: evict the most recently released cached block")
public final class MruEviction implements EvictionPolicy {
    private final TreeMap<Long, Integer> byRelease = new TreeMap<>();
    private long[] releasedAt = new long[0];
    private long seq;

    @Override
    public void init(int capacityBlocks) {
        byRelease.clear();
        releasedAt = new long[capacityBlocks];
        Arrays.fill(releasedAt, -1);
        seq = 0;
    }

    @Override
    public void onCandidate(int block, long nowNanos) {
        onReused(block, nowNanos);
        releasedAt[block] = seq++;
        byRelease.put(releasedAt[block], block);
    }

    @Override
    public void onReused(int block, long nowNanos) {
        if (releasedAt[block] >= 0) byRelease.remove(releasedAt[block]);
        releasedAt[block] = -1;
    }

    @Override
    public int evict() {
        Map.Entry<Long, Integer> last = byRelease.pollLastEntry();
        if (last == null) return -1;
        releasedAt[last.getValue()] = -1;
        return last.getValue();
    }

    @Override
    public int size() {
        return byRelease.size();
    }
}
