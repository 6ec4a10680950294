package dev.servelab.hw.jvm.model;

import dev.servelab.hw.backend.KernelBackend;
import dev.servelab.hw.jvm.cpu.KernelRunner;
import dev.servelab.hw.jvm.cpu.MatmulPath;

/** A weight matrix of {@code rows x cols}, row-major, held on the heap in a kernel-ready form. */
public sealed interface Matrix permits F32Matrix, Q8Matrix, Q4Matrix, Q4KMatrix {
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

    /** Bytes a matmul reads. */
    long weightBytes();
}
