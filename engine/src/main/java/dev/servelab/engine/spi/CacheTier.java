package dev.servelab.engine.spi;

/**
 * Where a prefix-cache hit came from: the GPU's own KV blocks, the CPU-memory tier below them, or the
 * disk/remote tier below that (the hierarchy of LMCache and of Mooncake's KV store). {@link #key()} is the
 * suffix of the summary keys ({@code prefix_hit_tokens_gpu}, ...) and the legend of the cache hit map.
 */
public enum CacheTier {
    GPU, CPU, DISK;

    /** Lower-case name: {@code gpu}, {@code cpu}, {@code disk}. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
