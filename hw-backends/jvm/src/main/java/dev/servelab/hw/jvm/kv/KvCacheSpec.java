package dev.servelab.hw.jvm.kv;

/** Geometry of a paged KV cache: tokens per block and the number of blocks in the pool. */
public record KvCacheSpec(int blockSizeTokens, int blockCount) {
    public KvCacheSpec {
        if (blockSizeTokens <= 0 || blockCount <= 0) {
            throw new IllegalArgumentException("block size " + blockSizeTokens + " and block count " + blockCount
                    + " must be positive");
        }
    }

    public long tokenCapacity() {
        return (long) blockSizeTokens * blockCount;
    }

    /** Bytes one block takes for a model ({@code K} and {@code V}, F32, all layers). */
    public static long bytesPerBlock(int blockSizeTokens, int layers, int kvDim) {
        return 2L * 4L * blockSizeTokens * layers * kvDim;
    }

    /** As many blocks as fit {@code budgetBytes}, at least one. */
    public static KvCacheSpec forBudget(long budgetBytes, int blockSizeTokens, int layers, int kvDim) {
        long blocks = Math.max(1, budgetBytes / bytesPerBlock(blockSizeTokens, layers, kvDim));
        return new KvCacheSpec(blockSizeTokens, (int) Math.min(blocks, Integer.MAX_VALUE / 2));
    }
}
