package dev.servelab.hw.kernels;

/**
 * RMSNorm (Zhang and Sennrich, "Root Mean Square Layer Normalization", 2019; used by Llama), split
 * into two kernels as the loop-parallel rules ask for reductions: one work-item per row computes
 * the row's inverse RMS, then one work-item per element scales.
 */
public final class NormKernels {
    private NormKernels() {
    }

    /** {@code inv[t] = 1 / sqrt(mean(x[t]^2) + eps)} for rows {@code [from, to)}. */
    public static void rmsInverse(float[] x, float[] inv, int dim, float eps, int from, int to) {
        for (@Parallel int t = from; t < to; t++) {
            float ss = 0f;
            int off = t * dim;
            for (int e = 0; e < dim; e++) {
                ss += x[off + e] * x[off + e];
            }
            inv[t] = (float) (1.0 / Math.sqrt(ss / dim + eps));
        }
    }

    /** {@code out[t][e] = x[t][e] * inv[t] * weight[e]} for elements {@code [from, to)}. */
    public static void rmsScale(float[] x, float[] inv, float[] weight, float[] out, int dim,
                                int from, int to) {
        // row by row, so the row index is not divided out of every element (same products)
        int i = from;
        while (i < to) {
            int t = i / dim;
            int rowStart = t * dim;
            int end = Math.min(to, rowStart + dim);
            float s = inv[t];
            for (@Parallel int e = i; e < end; e++) {
                out[e] = x[e] * s * weight[e - rowStart];
            }
            i = end;
        }
    }
}
