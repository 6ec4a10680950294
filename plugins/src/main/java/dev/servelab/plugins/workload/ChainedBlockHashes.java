package dev.servelab.plugins.workload;

import static dev.servelab.engine.model.SplitMix64.mix;
import java.util.List;

/**
 * Chained prefix-block hashes of a prompt made of content segments (a system prompt, a user message,
 * an answer…): block {@code i}'s hash mixes block {@code i−1}'s hash with the identity of the tokens in
 * block {@code i}, so equal hashes at the same position mean equal prefixes, as in vLLM's prefix cache
 * and the Mooncake trace's {@code hash_ids}. The last, partial block gets a hash too (as Mooncake's
 * {@code ceil(input_length / 512)} ids); it changes once the block is filled.
 */
public final class ChainedBlockHashes {
    /** A run of {@code tokens} tokens whose content is identified by {@code contentHash}. */
    public record Segment(long contentHash, int tokens) {
    }

    private ChainedBlockHashes() {
    }

    public static long[] of(List<Segment> segments, int blockTokens) {
        long total = 0;
        for (Segment s : segments) total += s.tokens();
        long[] out = new long[(int) ((total + blockTokens - 1) / blockTokens)];
        long chain = 0x5E55_1AB5L;
        long block = 0;
        int filled = 0;
        int n = 0;
        for (Segment s : segments) {
            int offset = 0;
            while (offset < s.tokens()) {
                int take = Math.min(blockTokens - filled, s.tokens() - offset);
                block = mix(block ^ mix(s.contentHash() + 31L * offset) + take);
                filled += take;
                offset += take;
                if (filled == blockTokens) {
                    chain = mix(chain ^ block);
                    out[n++] = chain;
                    block = 0;
                    filled = 0;
                }
            }
        }
        if (filled > 0) out[n] = mix(chain ^ block ^ 0x9E37_79B9L * filled);
        return out;
    }

}
