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
    /** Elements per Q4_0 block (ggml's {@code QK4_0}); a block is 16 bytes of nibbles and one scale. */
    public static final int Q4_BLOCK = 32;
    /** Bytes of nibbles per Q4_0 block. */
    public static final int Q4_BLOCK_BYTES = 16;
    /** Elements per Q4_K super-block (ggml's {@code QK_K}): 8 sub-blocks of 32, 128 bytes of nibbles. */
    public static final int Q4K_BLOCK = 256;
    /** Elements per Q4_K sub-block (one scale and one min each). */
    public static final int Q4K_SUB = 32;

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

    /**
     * Q4_0 weights (ggml's {@code block_q4_0}), dequantised on the fly: block {@code b} (the 32 weights
     * {@code 32b .. 32b+31} of the flattened matrix) has the 16 bytes {@code qs[16b .. 16b+15]}; byte
     * {@code j} holds weight {@code j} in its low nibble and weight {@code j+16} in its high nibble,
     * and a weight is {@code (nibble - 8) * scales[b]}.
     */
    public static void matmulQ4_0(byte[] qs, float[] scales, float[] x, float[] out, int rows, int cols,
                                  int tokens, int from, int to) {
        int blocksPerRow = cols / Q4_BLOCK;
        for (@Parallel int r = from; r < to; r++) {
            for (int t = 0; t < tokens; t++) {
                int xOff = t * cols;
                float sum = 0f;
                for (int b = 0; b < blocksPerRow; b++) {
                    int block = r * blocksPerRow + b;
                    int xb = xOff + b * Q4_BLOCK;
                    float acc = 0f;
                    for (int j = 0; j < Q4_BLOCK_BYTES; j++) {
                        int q = qs[block * Q4_BLOCK_BYTES + j];
                        acc += ((q & 0x0F) - 8) * x[xb + j];
                        acc += (((q >> 4) & 0x0F) - 8) * x[xb + j + Q4_BLOCK_BYTES];
                    }
                    sum += acc * scales[block];
                }
                out[t * rows + r] = sum;
            }
        }
    }

    /**
     * Q4_K weights (ggml's {@code block_q4_K}) with the sub-block factors already decoded: super-block
     * {@code s} (weights {@code 256s .. 256s+255} of the flattened matrix) has the 128 bytes
     * {@code qs[128s ..]}, laid out as in GGUF: each 64 weights take 32 bytes, weight {@code l} of the
     * 64 in the low nibble of byte {@code l} and weight {@code l+32} in its high nibble. Sub-block
     * {@code k} (32 weights) has {@code scales[k] = d * sc} and {@code mins[k] = dmin * m}; a weight
     * is {@code scales[k] * nibble - mins[k]}.
     */
    public static void matmulQ4K(byte[] qs, float[] scales, float[] mins, float[] x, float[] out, int rows,
                                 int cols, int tokens, int from, int to) {
        int subsPerRow = cols / Q4K_SUB;
        for (@Parallel int r = from; r < to; r++) {
            for (int t = 0; t < tokens; t++) {
                int xOff = t * cols;
                float sum = 0f;
                for (int k = 0; k < subsPerRow; k += 2) {
                    int sub = r * subsPerRow + k;
                    int qOff = sub / 2 * 32;
                    int xb = xOff + k * Q4K_SUB;
                    float lo = 0f, hi = 0f, xLo = 0f, xHi = 0f;
                    for (int l = 0; l < 32; l++) {
                        int q = qs[qOff + l];
                        lo += (q & 0x0F) * x[xb + l];
                        hi += ((q >> 4) & 0x0F) * x[xb + 32 + l];
                        xLo += x[xb + l];
                        xHi += x[xb + 32 + l];
                    }
                    sum += scales[sub] * lo - mins[sub] * xLo + scales[sub + 1] * hi - mins[sub + 1] * xHi;
                }
                out[t * rows + r] = sum;
            }
        }
    }
}
