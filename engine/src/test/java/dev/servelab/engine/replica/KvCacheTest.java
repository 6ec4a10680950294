package dev.servelab.engine.replica;

import dev.servelab.engine.model.Request;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The paged KV cache on its own: allocation, reference counts, prefix keys and eviction through a policy. */
class KvCacheTest {
    @Test
    void allocatesEveryBlockOnceThenReportsExhaustion() {
        KvCache kv = new KvCache(4, 16, new LruTestEviction());
        Set<Integer> blocks = new HashSet<>();
        for (int i = 0; i < 4; i++) blocks.add(kv.allocate());
        assertEquals(Set.of(0, 1, 2, 3), blocks);
        assertEquals(4, kv.usedBlocks());
        assertEquals(0, kv.availableBlocks());
        assertEquals(-1, kv.allocate(), "nothing free and nothing evictable");
    }

    @Test
    void anUnkeyedBlockReleasedGoesBackToTheFreeList() {
        KvCache kv = new KvCache(2, 16, new LruTestEviction());
        int a = kv.allocate();
        kv.allocate();
        kv.release(a, 5);
        assertEquals(1, kv.availableBlocks());
        assertEquals(0, kv.cachedBlocks());
        assertEquals(a, kv.allocate(), "the freed block is handed out again");
    }

    @Test
    void aPublishedBlockStaysCachedAfterReleaseUntilEvicted() {
        KvCache kv = new KvCache(2, 16, new LruTestEviction());
        int a = kv.allocate();
        int b = kv.allocate();
        assertTrue(kv.publish(a, 1001));
        assertTrue(kv.publish(b, 1002));
        kv.release(a, 1);
        kv.release(b, 2);
        assertEquals(2, kv.cachedBlocks());
        assertEquals(a, kv.lookup(1001));
        assertEquals(2, kv.availableBlocks(), "unreferenced cached blocks count as available");
        assertEquals(0, kv.usedBlocks());

        int c = kv.allocate();
        assertEquals(a, c, "LRU evicts the block released first");
        assertEquals(-1, kv.lookup(1001), "its key is forgotten");
        assertEquals(b, kv.lookup(1002));
        assertEquals(1, kv.cachedBlocks());
    }

    @Test
    void aKeyIsPublishedOnceAndABlockOnlyOnce() {
        KvCache kv = new KvCache(3, 16, new LruTestEviction());
        int a = kv.allocate();
        int b = kv.allocate();
        assertTrue(kv.publish(a, 7));
        assertFalse(kv.publish(b, 7), "another block already caches key 7: b stays private");
        assertFalse(kv.publish(a, 8), "a block keeps its first key");
        assertEquals(1, kv.cachedBlocks());
        kv.release(b, 0);
        assertEquals(2, kv.availableBlocks(), "the private block went back to the free list");
    }

    @Test
    void referenceCountsKeepASharedBlockUntilItsLastRelease() {
        KvCache kv = new KvCache(2, 16, new LruTestEviction());
        int a = kv.allocate();
        kv.publish(a, 42);
        kv.acquire(a, 1);
        kv.release(a, 2);
        assertTrue(kv.isReferenced(a), "one of two references left");
        assertEquals(1, kv.availableBlocks());
        kv.release(a, 3);
        assertFalse(kv.isReferenced(a));
        assertEquals(2, kv.availableBlocks(), "now a candidate for eviction");
    }

    @Test
    void aHitOnACandidateTakesItOutOfTheEvictionPolicy() {
        KvCache kv = new KvCache(1, 16, new LruTestEviction());
        int a = kv.allocate();
        kv.publish(a, 9);
        kv.release(a, 1);
        assertEquals(1, kv.availableBlocks());
        kv.acquire(kv.lookup(9), 2);
        assertEquals(0, kv.availableBlocks(), "referenced again: no longer evictable");
        assertEquals(-1, kv.allocate());
        kv.release(a, 3);
        assertNotEquals(-1, kv.allocate(), "evictable after its release");
    }

    @Test
    void releasingMoreOftenThanAcquiredIsAnError() {
        KvCache kv = new KvCache(2, 16, new LruTestEviction());
        int a = kv.allocate();
        kv.release(a, 1);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> kv.release(a, 2));
        assertEquals("block " + a + " released more often than acquired", e.getMessage());
    }

    @Test
    void aCacheNeedsAtLeastOneBlock() {
        assertThrows(IllegalArgumentException.class, () -> new KvCache(0, 16, new LruTestEviction()));
    }

    @Test
    void anEvictedPrefixBlockGoesToTheCpuTier() {
        CpuTier tier = new CpuTier(8, 1000);
        KvCache kv = new KvCache(1, 16, new LruTestEviction(), tier);
        int a = kv.allocate();
        kv.publish(a, 77);
        kv.release(a, 1);
        assertFalse(kv.inCpuTier(77));
        kv.allocate();
        assertTrue(kv.inCpuTier(77));
        assertEquals(1, tier.offloads());
    }

    @Test
    void prefixKeysAreSharedExactlyUpToTheCommonPrefix() {
        Request a = new Request(1, 0, 256, 1, new long[]{11, 22}, 128, null, null, null);
        Request b = new Request(2, 0, 256, 1, new long[]{11, 33}, 128, null, null, null);
        assertEquals(16, PrefixKeys.keyableBlocks(a, 16));
        assertEquals(0, PrefixKeys.keyableBlocks(Request.of(3, 0, 256, 1), 16), "no hashes, no keys");
        for (int i = 0; i < 8; i++) assertEquals(PrefixKeys.key(a, i, 16), PrefixKeys.key(b, i, 16), "block " + i);
        for (int i = 8; i < 16; i++) assertNotEquals(PrefixKeys.key(a, i, 16), PrefixKeys.key(b, i, 16), "block " + i);
        assertNotEquals(PrefixKeys.key(a, 0, 16), PrefixKeys.key(a, 1, 16), "two blocks of one hash block differ");
    }
}
