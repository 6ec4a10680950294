package dev.servelab.hw.kernels;

/**
 * Numerically stable softmax over rows of varying length (attention rows grow with the position).
 * One work-item per row; the row's max and sum are reduced inside that work-item.
 */
public final class SoftmaxKernels {
    private SoftmaxKernels() {
    }

    /** Softmax of {@code data[row * stride .. + lengths[row])} in place, rows {@code [from, to)}. */
    public static void softmaxRows(float[] data, int[] lengths, int stride, int from, int to) {
        for (@Parallel int row = from; row < to; row++) {
            int off = row * stride;
            int n = lengths[row];
            float max = Float.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                max = Math.max(max, data[off + i]);
            }
            float sum = 0f;
            for (int i = 0; i < n; i++) {
                float e = (float) Math.exp(data[off + i] - max);
                data[off + i] = e;
                sum += e;
            }
            float inv = 1f / sum;
            for (int i = 0; i < n; i++) {
                data[off + i] *= inv;
            }
        }
    }
}
