package dev.servelab.engine.spi;

/**
 * Chooses which cached KV block to reuse when no free block is left. The candidates are blocks that
 * hold a cached prefix and that no running sequence references; the KV cache tells the policy when
 * a block becomes a candidate and when it stops being one. Plugin ids {@code kv.*}.
 */
public interface EvictionPolicy {
    /** Called once before use with the cache's capacity; block ids are {@code 0 .. capacity-1}. */
    void init(int capacityBlocks);

    /** A block became a candidate (its last reference was released). */
    void onCandidate(int block, long nowNanos);

    /** A candidate block was hit by a prefix lookup and is referenced again: no longer a candidate. */
    void onReused(int block, long nowNanos);

    /** Removes and returns the victim among the candidates, or -1 when there is none. */
    int evict();

    /** Number of candidates. */
    int size();

    /**
     * A block now caches the prefix identified by {@code key} (it was just filled and published); for
     * policies that remember contents across evictions, such as ghost queues.
     */
    default void onPublished(int block, long key) {
    }

    /** A cached block was hit (whether or not it was a candidate); for frequency-based policies. */
    default void onHit(int block, long nowNanos) {
    }
}
