package dev.servelab.hw.jvm.kv;

import java.util.BitSet;

/**
 * A fixed pool of KV blocks. {@link #allocate()} hands out the lowest free block id, so the same
 * sequence of calls always yields the same block tables.
 */
public final class KvBlockAllocator {
    private final int blockCount;
    private final BitSet used;
    private int usedCount;

    public KvBlockAllocator(int blockCount) {
        this.blockCount = blockCount;
        this.used = new BitSet(blockCount);
    }

    /** A free block id; throws when the pool is exhausted. */
    public int allocate() {
        int id = used.nextClearBit(0);
        if (id >= blockCount) {
            throw new IllegalStateException("KV cache is full: all " + blockCount + " blocks are in use");
        }
        used.set(id);
        usedCount++;
        return id;
    }

    public void free(int block) {
        if (block < 0 || block >= blockCount || !used.get(block)) {
            throw new IllegalArgumentException("block " + block + " is not allocated");
        }
        used.clear(block);
        usedCount--;
    }

    public int freeCount() {
        return blockCount - usedCount;
    }

    public int blockCount() {
        return blockCount;
    }
}
