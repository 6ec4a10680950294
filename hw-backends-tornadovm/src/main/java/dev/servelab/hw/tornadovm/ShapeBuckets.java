package dev.servelab.hw.tornadovm;

/** The sizes a shape is rounded up to: powers of two, so {@code n} distinct sizes need only log2 of them. */
final class ShapeBuckets {
    private ShapeBuckets() {
    }

    /** The smallest power of two {@code >= n} (1 for {@code n <= 1}). */
    static int bucket(int n) {
        if (n <= 1) {
            return 1;
        }
        if (n > 1 << 30) {
            throw new IllegalArgumentException("shape " + n + " is too large to bucket");
        }
        return Integer.highestOneBit(n - 1) << 1;
    }
}
