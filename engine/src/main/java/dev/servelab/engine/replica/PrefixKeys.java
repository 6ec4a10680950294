package dev.servelab.engine.replica;

import dev.servelab.engine.model.SplitMix64;
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
        long coveredTokens = Math.min((long) r.hashCount() * r.hashBlockTokens(), r.promptTokens());
        return (int) (coveredTokens / blockSizeTokens);
    }

    static long key(Request r, int block, int blockSizeTokens) {
        long end = (long) (block + 1) * blockSizeTokens;
        int h = (int) ((end - 1) / r.hashBlockTokens());
        long offset = end - (long) h * r.hashBlockTokens();
        return SplitMix64.mix(r.hashId(h) * SplitMix64.GOLDEN_GAMMA + offset);
    }
}
