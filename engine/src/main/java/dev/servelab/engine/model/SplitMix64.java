package dev.servelab.engine.model;

/**
 * The one 64-bit hash mixer of ServeLab: SplitMix64's finaliser (Steele, Lea and Flood, "Fast splittable
 * pseudorandom number generators", OOPSLA 2014), used for prefix-block keys, per-node seeds, synthetic
 * prompt hashes and hash rings. Changing it changes every seeded result, so it never changes.
 */
public final class SplitMix64 {
    /** The golden-ratio increment, 2^64 / phi, for combining a value into a hash before mixing. */
    public static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private SplitMix64() {
    }

    /** SplitMix64's finaliser: a cheap, well-mixed 64-bit hash step (a bijection). */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
