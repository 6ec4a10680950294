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

    /** As {@link #gatherF32} from a Q4_0 table ({@link MatmulKernels#matmulQ4_0} layout). */
    public static void gatherQ4_0(byte[] qs, float[] scales, int[] rowIndex, float[] out, int dim,
                                  int from, int to) {
        for (@Parallel int i = from; i < to; i++) {
            int t = i / dim;
            int e = i - t * dim;
            out[i] = q4_0(qs, scales, (long) rowIndex[t] * dim + e);
        }
    }

    /** As {@link #gatherF32} from a Q4_K table ({@link MatmulKernels#matmulQ4K} layout). */
    public static void gatherQ4K(byte[] qs, float[] scales, float[] mins, int[] rowIndex, float[] out, int dim,
                                 int from, int to) {
        for (@Parallel int i = from; i < to; i++) {
            int t = i / dim;
            int e = i - t * dim;
            out[i] = q4K(qs, scales, mins, (long) rowIndex[t] * dim + e);
        }
    }

    /** Element {@code e} of the flattened Q4_0 matrix: {@code (nibble - 8) * scale}. */
    public static float q4_0(byte[] qs, float[] scales, long e) {
        int block = (int) (e / MatmulKernels.Q4_BLOCK);
        int j = (int) (e % MatmulKernels.Q4_BLOCK);
        int b = qs[block * MatmulKernels.Q4_BLOCK_BYTES + (j & 15)];
        int q = j < 16 ? b & 0x0F : (b >> 4) & 0x0F;
        return (q - 8) * scales[block];
    }

    /** Element {@code e} of the flattened Q4_K matrix: {@code scale * nibble - min} of its sub-block. */
    public static float q4K(byte[] qs, float[] scales, float[] mins, long e) {
        int sub = (int) (e / MatmulKernels.Q4K_SUB);
        int l = (int) (e % MatmulKernels.Q4K_SUB);
        int b = qs[sub / 2 * 32 + l];
        int q = (sub & 1) == 0 ? b & 0x0F : (b >> 4) & 0x0F;
        return scales[sub] * q - mins[sub];
    }
}
