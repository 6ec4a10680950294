package dev.servelab.hw.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * RoPE from a table of angles computed once per (token, pair) equals the per-pair {@link RopeKernels#rope}
 * bit for bit, and the row-wise {@link NormKernels#rmsScale} equals the per-element formula for any slicing.
 */
class RopeTableTest {
    @Test
    void rotateWithTheAnglesTableEqualsRopeBitForBit() {
        Random rnd = new Random(19);
        int tokens = 5, heads = 6, headDim = 16;
        int[] positions = {0, 1, 7, 300, 4095};
        float[] factors = new float[headDim / 2];
        for (int j = 0; j < factors.length; j++) {
            factors[j] = j % 3 == 0 ? 1f : 0.5f + rnd.nextFloat() * 8;
        }
        float[] v = new float[tokens * heads * headDim];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) rnd.nextGaussian() * 3;
        }
        for (float theta : new float[] {10000f, 500000f}) {
            float[] expected = v.clone();
            RopeKernels.rope(expected, positions, factors, heads, headDim, theta, 0, tokens * heads * headDim / 2);
            float[] table = new float[tokens * headDim];
            RopeKernels.angles(positions, factors, headDim, theta, table, 0, 2);
            RopeKernels.angles(positions, factors, headDim, theta, table, 2, tokens);
            float[] actual = v.clone();
            int pairs = tokens * heads * headDim / 2;
            for (int from = 0; from < pairs; from += 37) {
                RopeKernels.rotate(actual, table, heads, headDim, from, Math.min(pairs, from + 37));
            }
            assertArrayEquals(expected, actual);
        }
    }

    @Test
    void rmsScaleRowByRowEqualsThePerElementFormulaForAnySlicing() {
        Random rnd = new Random(7);
        int rows = 4, dim = 24;
        float[] x = new float[rows * dim], weight = new float[dim], inv = new float[rows];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rnd.nextGaussian();
        }
        for (int e = 0; e < dim; e++) {
            weight[e] = (float) rnd.nextGaussian();
        }
        NormKernels.rmsInverse(x, inv, dim, 1e-5f, 0, rows);
        float[] expected = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            expected[i] = x[i] * inv[i / dim] * weight[i % dim];
        }
        for (int step : new int[] {1, 5, 24, 31, 96}) {
            float[] out = new float[x.length];
            for (int from = 0; from < x.length; from += step) {
                NormKernels.rmsScale(x, inv, weight, out, dim, from, Math.min(x.length, from + step));
            }
            assertArrayEquals(expected, out, "slices of " + step);
        }
    }
}
