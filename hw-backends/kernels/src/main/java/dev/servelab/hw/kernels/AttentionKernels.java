package dev.servelab.hw.kernels;

/**
 * Causal grouped-query attention over a paged KV cache (Kwon et al., "Efficient Memory Management
 * for Large Language Model Serving with PagedAttention", SOSP 2023).
 *
 * <p>The cache of one layer is a pool of blocks, {@code [block][slot][kvDim]}; a sequence's
 * logical position {@code p} lives in physical block {@code blockTable[p / blockSize]} at slot
 * {@code p % blockSize}. The batch's block tables are flattened, {@code maxBlocks} entries per
 * sequence, and {@code tokenSeq[t]} names the sequence of token {@code t}. Token {@code t} attends
 * to positions {@code 0 .. positions[t]} of its own sequence, so prefill chunks and decode tokens of
 * different sequences share one launch. Split into write, scores, softmax ({@link SoftmaxKernels})
 * and weighted-sum kernels; each work-item is one (token, head) pair or one element.
 */
public final class AttentionKernels {
    private AttentionKernels() {
    }

    /** Stores each token's K and V rows at its cache slot; elements {@code [from, to)} of {@code k}. */
    public static void kvWrite(float[] k, float[] v, float[] kCache, float[] vCache, int[] slots,
                               int kvDim, int from, int to) {
        for (@Parallel int i = from; i < to; i++) {
            int t = i / kvDim;
            int dst = slots[t] * kvDim + (i - t * kvDim);
            kCache[dst] = k[i];
            vCache[dst] = v[i];
        }
    }

    /**
     * {@code scores[(t*heads+h)*stride + p] = q[t][h] . K[p] / sqrt(headDim)} for
     * {@code p <= positions[t]}; work-items {@code (t*heads + h)} in {@code [from, to)}.
     */
    public static void scores(float[] q, float[] kCache, float[] scores, int[] positions, int[] tokenSeq,
                              int[] blockTables, int maxBlocks, int blockSize, int heads, int kvHeads,
                              int headDim, int stride, int from, int to) {
        int kvDim = kvHeads * headDim;
        int group = heads / kvHeads;
        float scale = (float) (1.0 / Math.sqrt(headDim));
        for (@Parallel int i = from; i < to; i++) {
            int t = i / heads;
            int h = i - t * heads;
            int qOff = t * heads * headDim + h * headDim;
            int tableOff = tokenSeq[t] * maxBlocks;
            int kvHeadOff = (h / group) * headDim;
            for (int p = 0; p <= positions[t]; p++) {
                int slot = blockTables[tableOff + p / blockSize] * blockSize + p % blockSize;
                int kOff = slot * kvDim + kvHeadOff;
                float dot = 0f;
                for (int d = 0; d < headDim; d++) {
                    dot += q[qOff + d] * kCache[kOff + d];
                }
                scores[i * stride + p] = dot * scale;
            }
        }
    }

    /** {@code out[t][h] = sum_p scores[t,h][p] * V[p]}; work-items {@code (t*heads + h)}. */
    public static void values(float[] scores, float[] vCache, float[] out, int[] positions, int[] tokenSeq,
                              int[] blockTables, int maxBlocks, int blockSize, int heads, int kvHeads,
                              int headDim, int stride, int from, int to) {
        int kvDim = kvHeads * headDim;
        int group = heads / kvHeads;
        for (@Parallel int i = from; i < to; i++) {
            int t = i / heads;
            int h = i - t * heads;
            int oOff = t * heads * headDim + h * headDim;
            int tableOff = tokenSeq[t] * maxBlocks;
            int kvHeadOff = (h / group) * headDim;
            for (int d = 0; d < headDim; d++) {
                out[oOff + d] = 0f;
            }
            for (int p = 0; p <= positions[t]; p++) {
                int slot = blockTables[tableOff + p / blockSize] * blockSize + p % blockSize;
                int vOff = slot * kvDim + kvHeadOff;
                float w = scores[i * stride + p];
                for (int d = 0; d < headDim; d++) {
                    out[oOff + d] += w * vCache[vOff + d];
                }
            }
        }
    }
}
