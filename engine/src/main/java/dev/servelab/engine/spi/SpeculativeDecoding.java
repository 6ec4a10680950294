package dev.servelab.engine.spi;

import java.util.Arrays;

/**
 * A pool's speculative decoding (pipeline key {@code pools[i].speculative}): each decode step of a
 * sequence verifies {@link #numSpeculativeTokens} proposed tokens in one forward pass of the target
 * model and emits {@code 1 + accepted} tokens (Leviathan et al., "Fast Inference from Transformers via
 * Speculative Decoding", ICML 2023; Chen et al., 2023). Acceptance is given per position:
 * {@code acceptance[j]} is the probability that proposed token {@code j+1} is accepted given that
 * tokens {@code 1..j} were (a single rate {@code α} is {@code α} at every position). With a constant
 * rate the expected tokens per verify step is {@code (1 - α^(k+1)) / (1 - α)}.
 *
 * @param method               how tokens are proposed (decides the draft cost an executor charges)
 * @param numSpeculativeTokens k, proposed tokens verified per step (vLLM {@code num_speculative_tokens})
 * @param acceptance           per-position conditional acceptance probabilities, length k, each in [0, 1]
 * @param draftModel           the draft model's catalog id ({@link Method#DRAFT_MODEL} only, else null)
 */
public record SpeculativeDecoding(Method method, int numSpeculativeTokens, double[] acceptance, String draftModel) {
    /** How proposals are made; the names are the pipeline spellings. */
    public enum Method {
        /** A separate, smaller model decodes k tokens autoregressively (Leviathan et al. 2023). */
        DRAFT_MODEL("draft-model"),
        /** A one-layer head over the target's features proposes k tokens (EAGLE, Li et al. 2024). */
        EAGLE("eagle"),
        /** Prompt lookup: proposals copied from earlier n-grams of the context, on the CPU (vLLM ngram). */
        NGRAM("ngram"),
        /** The model's own multi-token-prediction layer proposes (DeepSeek-V3 MTP). */
        MTP("mtp");

        private final String id;

        Method(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        /** The method spelled {@code id}, or null when none is. */
        public static Method of(String id) {
            for (Method m : values()) if (m.id.equals(id)) return m;
            return null;
        }
    }

    public SpeculativeDecoding {
        if (numSpeculativeTokens < 1) throw new IllegalArgumentException("num_speculative_tokens must be at least 1");
        if (acceptance.length != numSpeculativeTokens) {
            throw new IllegalArgumentException("acceptance needs one rate per speculative token");
        }
        acceptance = acceptance.clone();
        for (double a : acceptance) if (!(a >= 0 && a <= 1)) throw new IllegalArgumentException("acceptance rates lie in [0, 1]");
        if ((method == Method.DRAFT_MODEL) != (draftModel != null)) {
            throw new IllegalArgumentException("draft_model is given exactly for the draft-model method");
        }
    }

    /** The same rate {@code alpha} at each of {@code k} positions. */
    public static double[] constantRate(int k, double alpha) {
        double[] a = new double[k];
        Arrays.fill(a, alpha);
        return a;
    }

    @Override
    public double[] acceptance() {
        return acceptance.clone();
    }

    /** Conditional acceptance probability of proposed token {@code j} (1-based). */
    public double acceptanceAt(int j) {
        return acceptance[j - 1];
    }

    /**
     * Expected tokens emitted per verify step when all k proposals are verified:
     * {@code 1 + Σ_j Π_{i≤j} a_i} (with a constant rate, {@code (1 - α^(k+1)) / (1 - α)}).
     */
    public double expectedTokensPerStep() {
        double e = 1;
        double p = 1;
        for (double a : acceptance) {
            p *= a;
            e += p;
        }
        return e;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SpeculativeDecoding s && method == s.method && numSpeculativeTokens == s.numSpeculativeTokens
                && Arrays.equals(acceptance, s.acceptance) && java.util.Objects.equals(draftModel, s.draftModel);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(method, numSpeculativeTokens, Arrays.hashCode(acceptance), draftModel);
    }

    @Override
    public String toString() {
        return "speculative{" + method.id() + ", k=" + numSpeculativeTokens + ", acceptance=" + Arrays.toString(acceptance)
                + (draftModel == null ? "" : ", draft_model=" + draftModel) + "}";
    }
}
