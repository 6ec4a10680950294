package dev.servelab.hw.jvm;

import dev.servelab.engine.model.Request;

import java.util.SplittableRandom;

/**
 * Deterministic prompt token ids for a trace request that has lengths but no text. Tokens inside a
 * prefix-hash block are drawn from that block's hash, so requests that share prefix blocks in the
 * trace share the same prompt tokens, and a live KV cache reused across them holds the right
 * values. Tokens past the hashed prefix come from the request id.
 */
final class SyntheticTokens {
    private SyntheticTokens() {
    }

    static int[] prompt(Request r, int vocabSize) {
        int[] tokens = new int[r.promptTokens()];
        long[] hashes = r.hashIds();
        int hashTokens = r.hashBlockTokens();
        int pos = 0;
        for (int h = 0; h < hashes.length && pos < tokens.length; h++) {
            SplittableRandom rng = new SplittableRandom(hashes[h]);
            for (int i = 0; i < hashTokens && pos < tokens.length; i++) tokens[pos++] = rng.nextInt(vocabSize);
        }
        SplittableRandom rest = new SplittableRandom(0x5EED_0000L ^ r.id());
        while (pos < tokens.length) tokens[pos++] = rest.nextInt(vocabSize);
        return tokens;
    }
}
