package dev.servelab.engine.replica;

import dev.servelab.engine.model.SplitMix64;
import dev.servelab.engine.spi.SpeculativeDecoding;

/**
 * Decides, per verify step, how many of a sequence's proposed tokens the target model accepts: token
 * {@code j} is accepted with probability {@code a_j} given that tokens {@code 1..j-1} were, and the
 * first rejection ends the step (the standard speculative sampling outcome, Leviathan et al. 2023).
 * Draws come from a per-replica SplitMix64 stream seeded from the run seed, in the plan's entry order,
 * so the same pipeline and seed give the same acceptances.
 */
public final class SpeculativeVerifier {
    private final SpeculativeDecoding setting;
    private final double[] acceptance;
    private long state;

    public SpeculativeVerifier(SpeculativeDecoding setting, long seed) {
        this.setting = setting;
        this.acceptance = setting.acceptance();
        this.state = seed;
    }

    public SpeculativeDecoding setting() {
        return setting;
    }

    /** Proposed tokens per step, k. */
    public int proposals() {
        return acceptance.length;
    }

    /** Accepted tokens of one verify step over {@code proposed} (≤ k) proposals: 0..proposed. */
    public int accepted(int proposed) {
        int n = 0;
        while (n < proposed && nextDouble() < acceptance[n]) n++;
        return n;
    }

    /** A uniform double in [0, 1) from the SplitMix64 stream (53 bits). */
    private double nextDouble() {
        state += SplitMix64.GOLDEN_GAMMA;
        return (SplitMix64.mix(state) >>> 11) * 0x1.0p-53;
    }
}
