package dev.servelab.hw.kernels;

/**
 * Matrix times a batch of vectors: {@code out[t][r] = sum_c W[r][c] * x[t][c]} for every token
 * {@code t}, over rows {@code [from, to)}. Weights are row-major with {@code cols} entries per row,
 * as GGUF stores a {@code [cols, rows]} tensor (ne[0] = cols is the contiguous dimension).
 *
 * <p>Each weight row is read once for the whole batch, which is what makes batched decode cheaper
 * per token than decoding one sequence at a time.
 */
public final class MatmulKernels {
    /** Elements per Q8_0 block (ggml's {@code QK8_0}). */
    public static final int Q8_BLOCK = 32;

    private MatmulKernels() {
    }

    /** F32 weights. */
    public static void matmulF32(float[] w, float[] x, float[] out, int rows, int cols, int tokens,
                                 int from, int to) {
        for (@Parallel int r = from; r < to; r++) {
            int wOff = r * cols;
            for (int t = 0; t < tokens; t++) {
                int xOff = t * cols;
                float sum = 0f;
                for (int c = 0; c < cols; c++) {
                    sum += w[wOff + c] * x[xOff + c];
                }
                out[t * rows + r] = sum;
            }
        }
    }

    /**
     * Q8_0 weights, dequantised on the fly: {@code qs} holds one signed byte per weight and
     * {@code scales} one scale per block of {@link #Q8_BLOCK} consecutive weights of a row.
     */
    public static void matmulQ8(byte[] qs, float[] scales, float[] x, float[] out, int rows, int cols,
                                int tokens, int from, int to) {
        int blocksPerRow = cols / Q8_BLOCK;
        for (@Parallel int r = from; r < to; r++) {
            for (int t = 0; t < tokens; t++) {
                int xOff = t * cols;
                float sum = 0f;
                for (int b = 0; b < blocksPerRow; b++) {
                    int qOff = r * cols + b * Q8_BLOCK;
                    int xb = xOff + b * Q8_BLOCK;
                    float block = 0f;
                    for (int j = 0; j < Q8_BLOCK; j++) {
                        block += qs[qOff + j] * x[xb + j];
                    }
                    sum += block * scales[r * blocksPerRow + b];
                }
                out[t * rows + r] = sum;
            }
        }
    }
}
