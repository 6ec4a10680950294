package dev.servelab.hw.remote;

import dev.servelab.engine.model.Request;
import java.util.SplittableRandom;

/**
 * Deterministic prompt text for a trace request: about {@code promptTokens} tokens of common short
 * English words of at most four letters (one token each with the usual BPE tokenizers, and about four
 * characters with the space, so {@link PromptTokenEstimate} agrees). Prefix blocks carry the trace's
 * chained hashes ({@link Request#hashIds()}, each identifying the whole prefix up to the end of its
 * block, as in Mooncake and vLLM), so block {@code i}'s words are drawn from a generator seeded by
 * hash {@code i} alone: requests that share leading hashes share the same leading text and the
 * endpoint's own prefix cache hits as the trace implies. Tokens past the hashed blocks (or all of
 * them without hashes) come from a generator seeded by the request id and the builder's salt, so
 * unrelated requests share nothing. The same request always gives the same text.
 */
public final class TracePromptBuilder {
    private static final String[] WORDS = java.util.Arrays.stream(("the of and to in is it you that he was for on are as with his they at be this "
            + "have from or one had by but not what all were we when your can said there use an each which she do how "
            + "their if will up other about out many then them these so some her would make like him into time has look "
            + "two more write go see number no way could people my than first water been call who oil its now find long "
            + "down day did get come made may part over new sound take only little work know place year live me back give "
            + "most very after thing our just name good man think say great where help through much before line right too "
            + "mean old any same tell boy follow came want show also around form three small set put end does another "
            + "well large must big even such because turn here why ask went men read need land different home us move try "
            + "kind hand picture again change off play spell air away animal house point page letter mother answer found "
            + "study still learn should world high every near add food between own below country plant last school father "
            + "keep tree never start city earth eye light thought head under story saw left few while along might close "
            + "something seem next hard open example begin life always those both paper together got group often run").split(" "))
            .filter(w -> w.length() <= 4).toArray(String[]::new);

    private final long salt;

    /** {@code salt} changes the text of unshared tokens (a second run with other text, same sharing). */
    public TracePromptBuilder(long salt) {
        this.salt = salt;
    }

    public TracePromptBuilder() {
        this(0);
    }

    public String build(Request r) {
        StringBuilder out = new StringBuilder(r.promptTokens() * 5);
        int written = 0;
        int block = r.hashBlockTokens();
        for (long hash : r.hashIds()) {
            int n = Math.min(block, r.promptTokens() - written);
            if (n <= 0) {
                break;
            }
            append(out, new SplittableRandom(mix(hash)), n);
            written += n;
        }
        if (written < r.promptTokens()) {
            append(out, new SplittableRandom(mix(r.id() * 0x9E3779B97F4A7C15L + salt + 1)), r.promptTokens() - written);
        }
        return out.toString();
    }

    /** A call for {@code r}: its built prompt and its output length as {@code max_tokens}. */
    public RemoteCall call(Request r) {
        return new RemoteCall(r.id(), build(r), r.outputTokens());
    }

    private static void append(StringBuilder out, SplittableRandom rng, int words) {
        for (int i = 0; i < words; i++) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(WORDS[rng.nextInt(WORDS.length)]);
        }
    }

    /**
     * MurmurHash3's 64-bit finaliser, not {@link dev.servelab.engine.model.SplitMix64}: the prompt text sent to
     * real endpoints is part of recorded experiments (their prefix caches hit on it), so it stays as it was.
     */
    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
