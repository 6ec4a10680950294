package dev.servelab.hw.kernels;

/** Element-wise kernels: SwiGLU (Shazeer, "GLU Variants Improve Transformer", 2020) and residual add. */
public final class ActivationKernels {
    private ActivationKernels() {
    }

    /** {@code gate[i] = silu(gate[i]) * up[i]} for {@code [from, to)}. */
    public static void swiglu(float[] gate, float[] up, int from, int to) {
        for (@Parallel int i = from; i < to; i++) {
            float g = gate[i];
            gate[i] = g / (1f + (float) Math.exp(-g)) * up[i];
        }
    }

    /** {@code x[i] += y[i]} for {@code [from, to)}. */
    public static void addInPlace(float[] x, float[] y, int from, int to) {
        for (@Parallel int i = from; i < to; i++) {
            x[i] += y[i];
        }
    }

    /** Index of the largest logit of each row, rows {@code [from, to)} (greedy sampling). */
    public static void argmaxRows(float[] logits, int[] out, int vocab, int from, int to) {
        for (@Parallel int row = from; row < to; row++) {
            int off = row * vocab;
            int best = 0;
            float bestValue = logits[off];
            for (int i = 1; i < vocab; i++) {
                if (logits[off + i] > bestValue) {
                    bestValue = logits[off + i];
                    best = i;
                }
            }
            out[row] = best;
        }
    }
}
