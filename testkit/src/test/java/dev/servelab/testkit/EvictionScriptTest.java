package dev.servelab.testkit;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvictionScriptTest {
    @Test
    void victimsComeInThePolicysOrderAndHitsCount() {
        EvictionScript s = EvictionScript.of(new LruTestEviction(), 4).cache(101, 102, 103, 104).hit(101, 10);
        assertEquals(List.of(102L, 103L), s.evictions(2));
        assertTrue(s.contains(101));
        assertFalse(s.contains(102));
        assertEquals(2, s.kvCache().usedBlocks(), "the two new blocks are held");
    }

    @Test
    void aHeldBlockIsNeverAVictim() {
        EvictionScript s = EvictionScript.of(new LruTestEviction(), 2).cache(1, 2).hold(1, 5);
        assertEquals(List.of(2L), s.evictions(1));
        AssertionError e = assertThrows(AssertionError.class, () -> s.evictions(1));
        assertTrue(e.getMessage().startsWith("no block left"), e.getMessage());
    }

    @Test
    void evictionsWhileCachingAreRemembered() {
        EvictionScript s = EvictionScript.of(new LruTestEviction(), 2).cache(1, 2, 3);
        assertEquals(List.of(1L), s.evicted());
    }
}
