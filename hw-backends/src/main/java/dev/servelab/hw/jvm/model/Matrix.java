package dev.servelab.hw.jvm.model;

import dev.servelab.hw.backend.KernelBackend;
import dev.servelab.hw.jvm.cpu.KernelRunner;
import dev.servelab.hw.jvm.cpu.MatmulPath;
import java.util.Arrays;

/** A weight matrix of {@code rows x cols}, row-major, held on the heap in a kernel-ready form. */
public sealed interface Matrix permits F32Matrix, Q8Matrix {
    int rows();

    int cols();

    /** {@code out[t][r] = this[r] . x[t]} for {@code tokens} input rows of {@code x}. */
    void matmul(MatmulPath path, KernelRunner runner, float[] x, float[] out, int tokens);

    /** {@code out[i] = this[rowIndex[i]]} for the first {@code count} entries of {@code rowIndex}. */
    void gatherRows(KernelRunner runner, int[] rowIndex, float[] out, int count);

    /** As {@link #matmul(MatmulPath, KernelRunner, float[], float[], int)}, on {@code backend}. */
    void matmul(KernelBackend backend, float[] x, float[] out, int tokens);

    /** As {@link #gatherRows(KernelRunner, int[], float[], int)}, on {@code backend}. */
    void gatherRows(KernelBackend backend, int[] rowIndex, float[] out, int count);

    /**
     * {@code outs[i] = ms[i] . x} for matrices with the same {@code cols}, as one stacked launch on
     * {@code backend} when they all have the same type (Q, K and V; gate and up), else one by one.
     */
    static void matmulStacked(KernelBackend backend, Matrix[] ms, float[] x, float[][] outs, int tokens) {
        int[] rows = new int[ms.length];
        for (int i = 0; i < ms.length; i++) {
            rows[i] = ms[i].rows();
        }
        if (Arrays.stream(ms).allMatch(m -> m instanceof F32Matrix)) {
            float[][] w = Arrays.stream(ms).map(m -> ((F32Matrix) m).weights()).toArray(float[][]::new);
            backend.matmulF32Stacked(w, x, outs, rows, ms[0].cols(), tokens);
        } else if (Arrays.stream(ms).allMatch(m -> m instanceof Q8Matrix)) {
            byte[][] qs = Arrays.stream(ms).map(m -> ((Q8Matrix) m).blocks().qs()).toArray(byte[][]::new);
            float[][] sc = Arrays.stream(ms).map(m -> ((Q8Matrix) m).blocks().scales()).toArray(float[][]::new);
            backend.matmulQ8Stacked(qs, sc, x, outs, rows, ms[0].cols(), tokens);
        } else {
            for (int i = 0; i < ms.length; i++) {
                ms[i].matmul(backend, x, outs[i], tokens);
            }
        }
    }

    /** Bytes a matmul reads. */
    long weightBytes();
}
