package dev.servelab.engine.metrics;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class DoubleRadixSortTest {
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 100, 4_095, 4_096, 50_000, 300_001})
    void sortsLatenciesExactlyAsArraysSortDoes(int size) {
        SplittableRandom r = new SplittableRandom(size);
        assertSortsLikeArraysSort(size, () -> Math.max(0, (double) (long) (Math.exp(r.nextGaussian() * 2) * 1e8)));
        assertSortsLikeArraysSort(size, () -> r.nextDouble() * 1e6 / 3); // fractional values (TPOT)
        assertSortsLikeArraysSort(size, () -> r.nextInt(5)); // few distinct values, zeros included
        assertSortsLikeArraysSort(size, () -> r.nextInt(1000) == 0 ? Double.POSITIVE_INFINITY : r.nextDouble(1e-300, 1e300));
    }

    @Test
    void handsValuesItCannotOrderByTheirBitsToTheComparisonSort() {
        SplittableRandom r = new SplittableRandom(7);
        assertSortsLikeArraysSort(10_000, () -> r.nextInt(100) == 0 ? -r.nextDouble() : r.nextDouble());
        assertSortsLikeArraysSort(10_000, () -> r.nextInt(100) == 0 ? -0.0 : r.nextDouble());
        assertSortsLikeArraysSort(10_000, () -> r.nextInt(100) == 0 ? Double.NaN : r.nextDouble());
    }

    private static void assertSortsLikeArraysSort(int size, DoubleSupplier values) {
        double[] a = new double[size + 3];
        for (int i = 0; i < size; i++) a[i] = values.getAsDouble();
        a[size] = -5; // past the sorted range: left alone
        double[] expected = a.clone();
        Arrays.sort(expected, 0, size);
        DoubleRadixSort.sort(a, size);
        assertArrayEquals(expected, a);
    }
}
