package dev.servelab.engine.replica;

import dev.servelab.engine.model.Request;

/**
 * Maps a request's chained prefix hashes (one per {@code hashBlockTokens} tokens, e.g. Mooncake's
 * 512-token blocks) onto KV blocks of another size. KV block {@code i} ends at token
 * {@code e = (i+1)·B}; its key combines the hash of the trace block containing token {@code e-1}
 * (which identifies the whole prefix up to that block) with the offset of {@code e} inside it, so
 * two requests share a KV block key exactly when they share the prefix up to its end.
 */
final class PrefixKeys {
    private PrefixKeys() {
    }

    /** Number of leading full KV blocks of the prompt that have a key. */
    static int keyableBlocks(Request r, int blockSizeTokens) {
        if (!r.hasPrefixHashes()) return 0;
        long coveredTokens = Math.min((long) r.hashIds().length * r.hashBlockTokens(), r.promptTokens());
        return (int) (coveredTokens / blockSizeTokens);
    }

    static long key(Request r, int block, int blockSizeTokens) {
        long end = (long) (block + 1) * blockSizeTokens;
        int h = (int) ((end - 1) / r.hashBlockTokens());
        long offset = end - (long) h * r.hashBlockTokens();
        return mix(r.hashIds()[h] * 0x9E3779B97F4A7C15L + offset);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
