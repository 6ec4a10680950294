package dev.servelab.hw.kernels;

import java.util.Random;

/** Test inputs: arrays of standard normal floats from a seeded generator. */
public final class GaussianArrays {
    private GaussianArrays() {
    }

    public static float[] of(Random rnd, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) rnd.nextGaussian();
        }
        return a;
    }
}
