package dev.servelab.hw.jvm.model;

import dev.servelab.hw.backend.KernelBackend;
import dev.servelab.hw.jvm.cpu.KernelRunner;
import dev.servelab.hw.jvm.cpu.MatmulPath;
import dev.servelab.hw.kernels.GatherKernels;

/** F32 weights (F16 and BF16 tensors are widened to this on load). */
public record F32Matrix(float[] weights, int rows, int cols) implements Matrix {
    @Override
    public void matmul(MatmulPath path, KernelRunner runner, float[] x, float[] out, int tokens) {
        runner.parallelFor(rows, cols * tokens, (from, to) -> path.f32(weights, x, out, rows, cols, tokens, from, to));
    }

    @Override
    public void gatherRows(KernelRunner runner, int[] rowIndex, float[] out, int count) {
        runner.parallelFor(count * cols, 1, (from, to) -> GatherKernels.gatherF32(weights, rowIndex, out, cols, from, to));
    }

    @Override
    public void matmul(KernelBackend backend, float[] x, float[] out, int tokens) {
        backend.matmulF32(weights, x, out, rows, cols, tokens);
    }

    @Override
    public void gatherRows(KernelBackend backend, int[] rowIndex, float[] out, int count) {
        backend.gatherF32(weights, rowIndex, out, cols, count);
    }

    @Override
    public long weightBytes() {
        return 4L * rows * cols;
    }
}
