package dev.servelab.engine.metrics;

import java.util.Arrays;

/**
 * Sorts non-negative doubles by a least-significant-digit radix sort of their IEEE-754 bit patterns,
 * which for values {@code >= +0.0} order exactly as the values do (the technique of fastutil's
 * {@code DoubleArrays.radixSort}). The result is bit for bit the array {@link Arrays#sort(double[], int, int)}
 * gives; arrays holding a negative value, {@code -0.0} or NaN are handed to it. Six passes of 11 bits,
 * skipping the digits every value shares. A run's summary sorts each of its four million-value latency
 * arrays once, cold, where this takes less than half the comparison sort's time (docs/PERFORMANCE.md;
 * warmed up, the JDK's vectorised sort intrinsic is faster, but C2 never compiles it within one run).
 */
final class DoubleRadixSort {
    private static final int DIGIT_BITS = 11;
    private static final int BUCKETS = 1 << DIGIT_BITS;
    private static final int PASSES = (Long.SIZE + DIGIT_BITS - 1) / DIGIT_BITS;
    /** Below this many values the comparison sort is as fast. */
    private static final int RADIX_FROM = 4_096;

    private DoubleRadixSort() {
    }

    /** Sorts {@code values[0 .. size-1]} ascending. */
    static void sort(double[] values, int size) {
        if (size < RADIX_FROM) {
            Arrays.sort(values, 0, size);
            return;
        }
        long[] keys = new long[size];
        int[][] counts = new int[PASSES][BUCKETS];
        for (int i = 0; i < size; i++) {
            long k = Double.doubleToRawLongBits(values[i]);
            if (k < 0 || k > 0x7ff0_0000_0000_0000L) { // negative, -0.0 or NaN: not ordered by their bits
                Arrays.sort(values, 0, size);
                return;
            }
            keys[i] = k;
            for (int p = 0; p < PASSES; p++) counts[p][(int) (k >>> (p * DIGIT_BITS)) & (BUCKETS - 1)]++;
        }
        long[] from = keys;
        long[] to = new long[size];
        for (int p = 0; p < PASSES; p++) {
            if (!scatter(from, to, size, p * DIGIT_BITS, counts[p])) continue;
            long[] t = from;
            from = to;
            to = t;
        }
        for (int i = 0; i < size; i++) values[i] = Double.longBitsToDouble(from[i]);
    }

    /** One stable pass on the digit at {@code shift}; false (nothing moved) when every key shares it. */
    private static boolean scatter(long[] from, long[] to, int size, int shift, int[] count) {
        int start = 0;
        for (int b = 0; b < BUCKETS; b++) {
            int c = count[b];
            if (c == size) return false;
            count[b] = start;
            start += c;
        }
        for (int i = 0; i < size; i++) {
            long k = from[i];
            to[count[(int) (k >>> shift) & (BUCKETS - 1)]++] = k;
        }
        return true;
    }
}
