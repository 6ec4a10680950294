package dev.servelab.hw.jvm.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The kernel tests' check that a batch-1 row's result does not depend on how the rows are cut into slices
 * (the kernel runner's chunks, so the thread count): bit for bit, for slices of 1, 3, 4, 6, 7, 11, 16 and 44 rows.
 */
final class Slicings {
    private static final int[] CHUNKS = {1, 3, 4, 6, 7, 11, 16, 44};

    /** Rows {@code [from, to)} of one matmul into {@code out}. */
    @FunctionalInterface
    interface RowRange {
        void compute(float[] out, int from, int to);
    }

    private Slicings() {
    }

    /** Asserts that {@code kernel} gives every row of {@code whole} bit for bit, whatever the slices. */
    static void assertSameWhateverTheSlicing(float[] whole, RowRange kernel, String what) {
        int rows = whole.length;
        for (int chunk : CHUNKS) {
            float[] sliced = new float[rows];
            for (int from = 0; from < rows; from += chunk) {
                kernel.compute(sliced, from, Math.min(rows, from + chunk));
            }
            for (int r = 0; r < rows; r++) {
                assertEquals(Float.floatToRawIntBits(whole[r]), Float.floatToRawIntBits(sliced[r]),
                        what + ": row " + r + " computed in slices of " + chunk);
            }
        }
    }
}
