package dev.servelab.hw.jvm.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class KvBlockAllocatorTest {
    @Test
    void handsOutLowestFreeBlockAndFailsWhenFull() {
        KvBlockAllocator a = new KvBlockAllocator(3);
        assertEquals(0, a.allocate());
        assertEquals(1, a.allocate());
        assertEquals(2, a.allocate());
        assertThrows(IllegalStateException.class, a::allocate);
        a.free(1);
        assertEquals(1, a.freeCount());
        assertEquals(1, a.allocate());
        assertThrows(IllegalArgumentException.class, () -> a.free(7));
    }

    @Test
    void budgetGivesWholeBlocks() {
        // 2 layers, kvDim 32, block 16: 2 * 4 * 16 * 2 * 32 = 8 KiB per block
        assertEquals(8192, KvCacheSpec.bytesPerBlock(16, 2, 32));
        assertEquals(new KvCacheSpec(16, 12), KvCacheSpec.forBudget(12 * 8192 + 100, 16, 2, 32));
    }
}
