package dev.servelab.hw.kernels;

/** Row gathers: embedding lookups and picking the rows of chosen tokens. Outer index = element. */
public final class GatherKernels {
    private GatherKernels() {
    }

    /** {@code out[t][e] = table[rowIndex[t]][e]} for elements {@code [from, to)} of {@code out}. */
    public static void gatherF32(float[] table, int[] rowIndex, float[] out, int dim, int from, int to) {
        for (@Parallel int i = from; i < to; i++) {
            int t = i / dim;
            int e = i - t * dim;
            out[i] = table[rowIndex[t] * dim + e];
        }
    }

    /** As {@link #gatherF32} from a Q8_0 table, dequantising each element. */
    public static void gatherQ8(byte[] qs, float[] scales, int[] rowIndex, float[] out, int dim,
                                int from, int to) {
        int blocksPerRow = dim / MatmulKernels.Q8_BLOCK;
        for (@Parallel int i = from; i < to; i++) {
            int t = i / dim;
            int e = i - t * dim;
            int row = rowIndex[t];
            out[i] = qs[row * dim + e] * scales[row * blocksPerRow + e / MatmulKernels.Q8_BLOCK];
        }
    }
}
