package dev.servelab.hw.jvm.cpu;

/**
 * The rows of several matrices stacked one after the other, so that one kernel launch can cover
 * them all (Q, K and V; gate and up): a slice {@code [from, to)} of the stacked range is cut at the
 * matrix boundaries into the parts each matrix's kernel computes.
 *
 * @param starts first stacked row of each matrix, then the total ({@code matrices + 1} entries)
 */
public record StackedRows(int[] starts) {

    /** The rows of a part: matrix {@code index}, its rows {@code [from, to)}. */
    @FunctionalInterface
    public interface Part {
        void run(int index, int from, int to);
    }

    /** The stack of matrices with {@code rows[i]} rows each. */
    public static StackedRows of(int[] rows) {
        int[] starts = new int[rows.length + 1];
        for (int i = 0; i < rows.length; i++) {
            starts[i + 1] = starts[i] + rows[i];
        }
        return new StackedRows(starts);
    }

    /** Rows of all matrices. */
    public int total() {
        return starts[starts.length - 1];
    }

    /** Runs {@code part} for every matrix the stacked rows {@code [from, to)} cover, in order. */
    public void forEach(int from, int to, Part part) {
        for (int i = 0; i + 1 < starts.length && starts[i] < to; i++) {
            int lo = Math.max(from, starts[i]);
            int hi = Math.min(to, starts[i + 1]);
            if (lo < hi) {
                part.run(i, lo - starts[i], hi - starts[i]);
            }
        }
    }
}
