package dev.servelab.engine.replica;

import dev.servelab.engine.spi.SpeculativeDecoding;
import dev.servelab.engine.spi.SpeculativeDecoding.Method;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Tokens per verify step against the closed form E = (1 - α^(k+1)) / (1 - α) (Leviathan et al. 2023). */
class SpeculativeVerifierTest {
    private static final int STEPS = 400_000;

    private static double meanTokensPerStep(double[] acceptance, long seed) {
        SpeculativeVerifier v = new SpeculativeVerifier(new SpeculativeDecoding(Method.EAGLE, acceptance.length, acceptance, null), seed);
        long tokens = 0;
        for (int i = 0; i < STEPS; i++) tokens += 1 + v.accepted(v.proposals());
        return (double) tokens / STEPS;
    }

    @Test
    void aConstantRateGivesLeviathansExpectedTokensPerStep() {
        // k = 3, α = 0.7: E = (1 - 0.7^4) / 0.3 = 0.7599 / 0.3 = 2.533
        double e = (1 - Math.pow(0.7, 4)) / (1 - 0.7);
        assertEquals(2.533, e, 1e-9);
        assertEquals(e, new SpeculativeDecoding(Method.EAGLE, 3, SpeculativeDecoding.constantRate(3, 0.7), null)
                .expectedTokensPerStep(), 1e-12);
        // the per-step count has variance < 1.5, so the mean of 400k steps has sd < 0.002
        assertEquals(e, meanTokensPerStep(SpeculativeDecoding.constantRate(3, 0.7), 7), 0.01);
        // k = 5, α = 0.5: E = (1 - 0.5^6) / 0.5 = 1.96875
        assertEquals(1.96875, meanTokensPerStep(SpeculativeDecoding.constantRate(5, 0.5), 11), 0.01);
    }

    @Test
    void perPositionRatesAreConditionalOnThePreviousTokens() {
        // 1 + 0.9 + 0.9·0.5 + 0.9·0.5·0.2 = 2.44
        double[] a = {0.9, 0.5, 0.2};
        assertEquals(2.44, new SpeculativeDecoding(Method.MTP, 3, a, null).expectedTokensPerStep(), 1e-12);
        assertEquals(2.44, meanTokensPerStep(a, 3), 0.01);
    }

    @Test
    void rateOneAcceptsEveryProposalAndRateZeroNone() {
        SpeculativeVerifier all = new SpeculativeVerifier(new SpeculativeDecoding(Method.NGRAM, 4, SpeculativeDecoding.constantRate(4, 1), null), 1);
        SpeculativeVerifier none = new SpeculativeVerifier(new SpeculativeDecoding(Method.NGRAM, 4, SpeculativeDecoding.constantRate(4, 0), null), 1);
        for (int i = 0; i < 1000; i++) {
            assertEquals(4, all.accepted(4));
            assertEquals(2, all.accepted(2), "capped at the proposals verified");
            assertEquals(0, none.accepted(4));
        }
    }

    @Test
    void theSameSeedGivesTheSameAcceptances() {
        double[] a = SpeculativeDecoding.constantRate(3, 0.6);
        assertEquals(meanTokensPerStep(a, 42), meanTokensPerStep(a, 42));
        assertNotEquals(meanTokensPerStep(a, 42), meanTokensPerStep(a, 43));
    }
}
