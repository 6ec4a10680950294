package dev.servelab.hw.jvm.model;

import dev.servelab.hw.backend.KernelBackend;
import dev.servelab.hw.jvm.cpu.KernelRunner;
import dev.servelab.hw.jvm.cpu.MatmulPath;
import dev.servelab.hw.jvm.gguf.Q4Blocks;
import dev.servelab.hw.kernels.GatherKernels;

/** Q4_0 weights, dequantised on the fly by the matmul. */
public record Q4Matrix(Q4Blocks blocks, int rows, int cols) implements Matrix {
    @Override
    public void matmul(MatmulPath path, KernelRunner runner, float[] x, float[] out, int tokens) {
        runner.parallelFor(rows, cols * tokens,
                (from, to) -> path.q4_0(blocks.qs(), blocks.scales(), x, out, rows, cols, tokens, from, to));
    }

    @Override
    public void gatherRows(KernelRunner runner, int[] rowIndex, float[] out, int count) {
        runner.parallelFor(count * cols, 1, (from, to) ->
                GatherKernels.gatherQ4_0(blocks.qs(), blocks.scales(), rowIndex, out, cols, from, to));
    }

    @Override
    public void matmul(KernelBackend backend, float[] x, float[] out, int tokens) {
        backend.matmulQ4_0(blocks.qs(), blocks.scales(), x, out, rows, cols, tokens);
    }

    @Override
    public void gatherRows(KernelBackend backend, int[] rowIndex, float[] out, int count) {
        backend.gatherQ4_0(blocks.qs(), blocks.scales(), rowIndex, out, cols, count);
    }

    /** The nibbles (half a byte per weight) and a 4-byte scale per 32 weights. */
    @Override
    public long weightBytes() {
        return (long) blocks.qs().length + 4L * blocks.scales().length;
    }
}
