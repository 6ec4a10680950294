package dev.servelab.hw.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NormRopeSoftmaxKernelsTest {
    @Test
    void rmsNormScalesEachRowToUnitRootMeanSquare() {
        float[] x = {3, 4, 0, 0, 1, 1, 1, 1};
        float[] inv = new float[2], out = new float[8];
        float[] weight = {1, 1, 1, 2};
        NormKernels.rmsInverse(x, inv, 4, 0f, 0, 2);
        NormKernels.rmsScale(x, inv, weight, out, 4, 0, 8);
        assertArrayEquals(new float[] {1.2f, 1.6f, 0, 0, 1, 1, 1, 2}, out, 1e-6f);
    }

    @Test
    void ropeRotatesPairsByPositionTimesFrequency() {
        float[] v = {1, 0, 1, 0};
        RopeKernels.rope(v, new int[] {3}, new float[] {1, 1}, 1, 4, 100f, 0, 2);
        // pair 0: freq 1, angle 3; pair 1: freq 100^(-1/2) = 0.1, angle 0.3
        assertArrayEquals(new float[] {(float) Math.cos(3), (float) Math.sin(3), (float) Math.cos(0.3), (float) Math.sin(0.3)},
                v, 1e-6f);
    }

    @Test
    void ropeFrequencyFactorsDivideTheAngle() {
        float[] v = {1, 0, 1, 0};
        RopeKernels.rope(v, new int[] {3}, new float[] {1, 4}, 1, 4, 100f, 0, 2);
        assertArrayEquals(new float[] {(float) Math.cos(3), (float) Math.sin(3), (float) Math.cos(0.075), (float) Math.sin(0.075)},
                v, 1e-6f);
    }

    @Test
    void ropeAtPositionZeroIsIdentity() {
        float[] v = {0.5f, -2f, 3f, 4f};
        RopeKernels.rope(v, new int[] {0}, new float[] {1, 1}, 1, 4, 10000f, 0, 2);
        assertArrayEquals(new float[] {0.5f, -2f, 3f, 4f}, v, 0f);
    }

    @Test
    void softmaxOnlyTouchesEachRowsLength() {
        float[] d = {1, 2, 3, 99, 5, 99, 99, 99};
        SoftmaxKernels.softmaxRows(d, new int[] {3, 1}, 4, 0, 2);
        double e = Math.exp(1) + Math.exp(2) + Math.exp(3);
        assertEquals(Math.exp(3) / e, d[2], 1e-6);
        assertEquals(99f, d[3]);
        assertEquals(1f, d[4], 1e-7);
    }

    @Test
    void swigluIsSiluOfGateTimesUp() {
        float[] gate = {0f, 2f}, up = {5f, 3f};
        ActivationKernels.swiglu(gate, up, 0, 2);
        assertArrayEquals(new float[] {0f, (float) (2 / (1 + Math.exp(-2)) * 3)}, gate, 1e-6f);
    }
}
