package dev.servelab.plugins.workload;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Zipf-distributed lengths on [min, max]: P(min + k) ∝ (k + 1)^−s, drawn by binary search in the
 * cumulative table (built once; {@code max − min + 1} doubles).
 */
final class ZipfLengths implements LengthSampler {
    private final int min;
    private final double[] cumulative;

    ZipfLengths(int min, int max, double s) {
        this.min = min;
        this.cumulative = new double[max - min + 1];
        double sum = 0;
        for (int k = 0; k < cumulative.length; k++) {
            sum += Math.pow(k + 1, -s);
            cumulative[k] = sum;
        }
        for (int k = 0; k < cumulative.length; k++) cumulative[k] /= sum;
    }

    @Override
    public int sample(RandomGenerator rng) {
        int i = Arrays.binarySearch(cumulative, rng.nextDouble());
        return min + (i >= 0 ? i : Math.min(-i - 1, cumulative.length - 1));
    }
}
