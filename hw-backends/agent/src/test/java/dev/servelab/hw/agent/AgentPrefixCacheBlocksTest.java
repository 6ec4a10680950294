package dev.servelab.hw.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.servelab.hw.jvm.kv.KvBlockAllocator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reference counts, publication and LRU eviction of the agent's prefix cache over a 4-block pool. */
class AgentPrefixCacheBlocksTest {
    private static int[] tokens(int n, int base) {
        int[] t = new int[n];
        for (int i = 0; i < n; i++) t[i] = base + i;
        return t;
    }

    @Test
    void publishedBlocksAreSharedThenEvictedLeastRecentlyUsedFirst() {
        KvBlockAllocator pool = new KvBlockAllocator(4);
        AgentPrefixCache cache = new AgentPrefixCache(pool, 2, true);
        int[] a = tokens(5, 0);
        List<Integer> blocksA = new ArrayList<>(List.of(cache.allocate(), cache.allocate(), cache.allocate()));
        cache.publish(a, blocksA);
        assertEquals(2, cache.match(a).size(), "two full blocks, the last token is always computed");
        cache.release(List.of(blocksA.get(0), blocksA.get(1)));
        cache.release(blocksA);
        assertEquals(4, cache.available(), "1 free + 2 cached unreferenced + the freed partial block");
        assertEquals(2, cache.match(tokens(7, 0)).size());
        assertEquals(2, cache.available());
        List<Integer> other = new ArrayList<>(List.of(cache.allocate(), cache.allocate()));
        assertEquals(0, cache.available());
        cache.release(other);
        int[] b = tokens(5, 100);
        assertEquals(0, cache.match(b).size());
        assertEquals(2, cache.available());
    }

    @Test
    void disabledCacheNeverMatches() {
        AgentPrefixCache cache = new AgentPrefixCache(new KvBlockAllocator(4), 2, false);
        List<Integer> blocks = List.of(cache.allocate(), cache.allocate());
        cache.publish(tokens(4, 0), blocks);
        assertEquals(0, cache.match(tokens(4, 0)).size());
        cache.release(blocks);
        assertEquals(4, cache.available());
    }
}
