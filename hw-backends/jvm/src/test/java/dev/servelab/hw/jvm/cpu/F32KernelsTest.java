package dev.servelab.hw.jvm.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.servelab.hw.kernels.GaussianArrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The F32 batch-1 path of the Vector API kernels (four rows a quarter of the slice apart, then pairs,
 * then an odd last row) gives every row exactly the two-accumulator arithmetic of {@code dot2Row}: bit
 * for bit, however the rows are cut into slices, with and without a tail of columns past the vector
 * loop.
 */
class F32KernelsTest {
    @ParameterizedTest
    @CsvSource({"45, 1024", "64, 2816", "7, 96", "13, 1000", "4, 40", "2817, 64"})
    void everyRowHasTheTwoRowArithmeticWhateverTheSlicing(int rows, int cols) {
        Random rnd = new Random(rows * 31L + cols);
        float[] w = GaussianArrays.of(rnd, rows * cols), x = GaussianArrays.of(rnd, cols);
        float[] lanes = new float[64];
        float[] expected = new float[rows];
        for (int r = 0; r < rows; r++) expected[r] = VectorMatmulPath.dot2Row(w, r * cols, x, cols, lanes);
        MatmulPath path = MatmulPath.best();
        float[] whole = new float[rows];
        path.f32(w, x, whole, rows, cols, 1, 0, rows);
        for (int r = 0; r < rows; r++) {
            assertEquals(Float.floatToRawIntBits(expected[r]), Float.floatToRawIntBits(whole[r]),
                    "row " + r + " of " + rows + " x " + cols + " in one slice");
        }
        Slicings.assertSameWhateverTheSlicing(whole, (out, from, to) -> path.f32(w, x, out, rows, cols, 1, from, to),
                "F32 " + rows + " x " + cols);
    }
}
